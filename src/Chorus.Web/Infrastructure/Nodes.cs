using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Chorus.Web.Infrastructure;

internal sealed class RedisOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration ("127.0.0.1:6379,password=…"). Set, the site runs as one of several nodes: cache
    /// evictions and rate limits go through this Redis. Empty (the default): one node, everything kept in the process.
    /// </summary>
    public string Configuration { get; set; } = "";

    /// <summary>The start of every key and channel name, so several sites (or test runs) can share one Redis.</summary>
    public string Prefix { get; set; } = "chorus";
}

/// <summary>The Redis the nodes of one site share; registered only when <c>Redis:Configuration</c> is set.</summary>
internal sealed class SharedRedis(IConnectionMultiplexer connection, string prefix) : IDisposable
{
    public IConnectionMultiplexer Connection => connection;

    /// <summary>A key or channel name of this site's.</summary>
    public string Name(string name) => $"{prefix}:{name}";

    // Closed with the app (it would otherwise keep reconnecting in the background).
    public void Dispose() => connection.Dispose();
}

/// <summary>Something a node keeps a copy of (data read for pages, media files) that a tag's eviction drops.</summary>
internal interface ILocalCopies
{
    void Evict(string tag);

    /// <summary>
    /// Other nodes' evictions may be missed from now on (true: keep nothing new), or no longer (false): either way drop
    /// everything kept so far.
    /// </summary>
    void Away(bool away);
}

/// <summary>
/// Several nodes behind one balancer. Cached pages stay in each node's memory and every eviction a node makes is published
/// on a Redis channel, on which every other node evicts the same tag from its own copies; rate limits count in Redis, per
/// client, for all nodes. (Redis as the output-cache store measured no faster on loopback, would cost a round trip per
/// cached page across machines, and could not serve the data kept beside the pages: README, "Several nodes".)
/// </summary>
internal static class Nodes
{
    public static void AddNodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<RedisOptions>("Redis");
        var options = builder.Configuration.GetSection("Redis").Get<RedisOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return;
        }
        builder.Services.AddSingleton(_ =>
        {
            var configuration = ConfigurationOptions.Parse(options.Configuration);
            // A node starts (and serves, uncached) while Redis is away, and reconnects by itself.
            configuration.AbortOnConnectFail = false;
            configuration.ClientName = $"chorus-{Environment.MachineName}-{Environment.ProcessId}";
            return new SharedRedis(ConnectionMultiplexer.Connect(configuration), options.Prefix);
        });
        builder.Services.AddHostedService<EvictionsFromOtherNodes>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealth>("redis");
    }

    /// <summary>
    /// A fixed window of <paramref name="permits"/> per <paramref name="window"/> for the client sending the request (its
    /// address as the forwarded headers give it), counted in Redis when there are several nodes, so spreading requests over
    /// them gains nothing. While Redis is out of reach each node counts for itself: limits still hold (per node) and no
    /// form or sign-in fails because a counter is away.
    /// </summary>
    public static RateLimitPartition<string> PerClient(this HttpContext http, string limit, int permits, TimeSpan window)
    {
        var client = $"{limit}:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        return http.RequestServices.GetService<SharedRedis>() is { Connection.IsConnected: true } redis
            ? RedisRateLimitPartition.GetFixedWindowRateLimiter(redis.Name("limit:" + client), _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Connection, PermitLimit = permits, Window = window,
            })
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window });
    }

    internal const string EvictionsChannel = "evictions";
}

/// <summary>
/// Listens for the evictions other nodes publish and makes them here. Until it is subscribed, and whenever the subscription
/// is down, this node can miss some, so it serves nothing from its copies meanwhile and drops them all when it hears again.
/// </summary>
internal sealed class EvictionsFromOtherNodes(SharedRedis redis, IOutputCacheStore store, IEnumerable<IScheduledChanges> scheduled,
    ILogger<EvictionsFromOtherNodes> log) : BackgroundService
{
    private ChannelMessageQueue? _queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var here = (EvictingStore)store;
        here.Away(true);
        redis.Connection.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && _queue is not null)
            {
                log.LogWarning("Lost Redis ({Failure}): this node serves pages uncached until it is back.", e.FailureType);
                here.Away(true);
            }
        };
        redis.Connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && _queue is not null)
            {
                log.LogInformation("Redis is back: this node drops what it kept and caches again.");
                here.Away(false);
            }
        };
        // The first subscription is retried until Redis answers (later ones the client restores by itself).
        for (var attempt = 0; _queue is null; attempt++)
        {
            try
            {
                var queue = await redis.Connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(redis.Name(Nodes.EvictionsChannel)));
                queue.OnMessage(async message =>
                {
                    if (here.FromOtherNode(message.Message) is { } tag)
                    {
                        foreach (var changes in scheduled)
                        {
                            changes.Invalidate(); // the write there may have scheduled something here too
                        }
                        await here.EvictHereAsync(tag);
                    }
                });
                _queue = queue;
            }
            catch (RedisException e)
            {
                if (attempt == 0)
                {
                    log.LogWarning("Redis does not answer ({Error}): this node serves pages uncached until it does.", e.Message);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        here.Away(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }
}

internal sealed class RedisHealth(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.Connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }
}
