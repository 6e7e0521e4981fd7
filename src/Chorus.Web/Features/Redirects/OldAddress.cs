using System.Collections.Frozen;
using Chorus.Web.Data;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Redirects;

/// <summary>
/// An address the coalition's old site used (a WordPress permalink such as /2021/12/16/slug/, /?p=123, /category/x/, a
/// file under /wp-content/uploads/) and where it lives now: a request for it answers 301 there.
/// </summary>
internal sealed class OldAddress
{
    public int Id { get; set; }

    /// <summary>The old address as <see cref="OldAddresses.Key"/> writes it: a path (lower case, no trailing slash), or "/?p=123".</summary>
    public required string From { get; set; }

    /// <summary>A path on this site or an https address elsewhere.</summary>
    public required string To { get; set; }

    /// <summary>Who made it: "wordpress" (an import) or "staff".</summary>
    public string Source { get; set; } = "staff";
    public DateTime CreatedAt { get; set; }
}

internal sealed class OldAddressConfiguration : IEntityTypeConfiguration<OldAddress>
{
    public void Configure(EntityTypeBuilder<OldAddress> address)
    {
        address.ToTable("OldAddresses");
        address.Property(a => a.From).HasMaxLength(1000);
        address.Property(a => a.To).HasMaxLength(1000);
        address.Property(a => a.Source).HasMaxLength(16);
        address.HasIndex(a => a.From).IsUnique();
    }
}

/// <summary>
/// The old addresses, read whole into one frozen map kept in memory (<see cref="ShownData"/>, evicted on every node by any
/// write): a request costs one dictionary lookup, never a query, and only when this site has no page at its address.
/// </summary>
internal sealed class OldAddresses(ShownData data)
{
    public const string Tag = "redirects";

    // The WordPress query addresses that name one item: a post, a page, a category, an attachment.
    private static readonly string[] ItemQueries = ["p", "page_id", "cat", "attachment_id"];

    public async Task<string?> TargetAsync(ChorusDb db, string key, CancellationToken ct)
    {
        var map = await data.GetAsync("redirects:all", [Tag], async token =>
            (await db.OldAddresses.AsNoTracking().Select(a => new { a.From, a.To }).ToListAsync(token))
                .ToFrozenDictionary(a => a.From, a => a.To, StringComparer.Ordinal), ct);
        return map.GetValueOrDefault(key);
    }

    /// <summary>
    /// How an old address is stored and looked up: percent-decoded, lower case, without a trailing slash ("/2021/12/16/slug");
    /// the root with an item query keeps just that ("/?p=123"). Null for something that is no address here.
    /// </summary>
    public static string? Key(string path, IQueryCollection? query = null)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        if (path == "/")
        {
            var item = query is null ? null : ItemQueries.FirstOrDefault(q => query.ContainsKey(q) && query[q].ToString().All(char.IsAsciiDigit) && query[q].ToString().Length is > 0 and < 12);
            return item is null ? null : $"/?{item}={query![item]}";
        }
        var trimmed = path.TrimEnd('/').ToLowerInvariant();
        return trimmed.Length is 0 or > 1000 ? null : trimmed;
    }

    /// <summary>A key written by a person or an import ("https://old.example/2021/12/16/slug/?x", "/?p=12").</summary>
    public static string? KeyOf(string address)
    {
        var text = address.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            text = uri.PathAndQuery;
        }
        var mark = text.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(mark < 0 ? text : text[..mark]);
        var query = mark < 0 ? null : new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text[mark..]));
        return Key(path, query);
    }
}

internal static class RedirectsExtensions
{
    public static void AddRedirects(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OldAddresses>();
        builder.Services.EvictOnWrite<OldAddress>(OldAddresses.Tag);
        builder.AddAdminMenuItem(new("Old addresses", "/admin/redirects", [Features.Accounts.Roles.Admin, Features.Accounts.Roles.Editor], 85));
    }

    /// <summary>
    /// Answers 301 for an old address: the root with an item query (/?p=123) at once, anything else only once the site has
    /// found no page there (a 404 from everything inside), so the site's own addresses always win and an unknown one still
    /// gets the site's 404 page.
    /// </summary>
    public static void UseRedirects(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var readable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (readable && request.Path == "/" && request.QueryString.HasValue && await MovedAsync(http, OldAddresses.Key("/", request.Query)))
        {
            return;
        }
        await next(http);
        if (readable && http.Response.StatusCode == StatusCodes.Status404NotFound && !http.Response.HasStarted)
        {
            await MovedAsync(http, OldAddresses.Key(request.Path.Value ?? "/"));
        }
    });

    private static async Task<bool> MovedAsync(HttpContext http, string? key)
    {
        if (key is null)
        {
            return false;
        }
        var db = http.RequestServices.GetRequiredService<ChorusDb>();
        if (await http.RequestServices.GetRequiredService<OldAddresses>().TargetAsync(db, key, http.RequestAborted) is not { } target)
        {
            return false;
        }
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        http.Response.Headers.Location = target;
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return true;
    }
}
