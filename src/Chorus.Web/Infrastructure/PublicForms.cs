using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Chorus.Web.Infrastructure;

/// <summary>What every public form shares: a rate limit on posts per address, and secret links sent by email.</summary>
internal static class PublicForms
{
    public const string RateLimit = "public-forms";

    public static void AddPublicForms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExpiringTokens>();
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? http.PerClient(RateLimit, builder.Configuration.GetValue("PublicForms:PostsPerMinute", 10), TimeSpan.FromMinutes(1))
            : RateLimitPartition.GetNoLimiter("read")));
    }

    /// <summary>
    /// The fill-time check of every public form: a form sent sooner than <paramref name="minimum"/> after it was shown (by
    /// the sealed time it carries), or with no such time, is a robot's or a replay; the person gets a message to send again.
    /// </summary>
    public static bool CheckFillTime(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, ExpiringTokens tokens, string purpose, string? started,
        TimeSpan minimum, Microsoft.Extensions.Localization.IStringLocalizer S)
    {
        if (tokens.Age(purpose, started) is not { } age || age < minimum)
        {
            state.AddModelError("", S["That was very quick. Please check your details, then send the form again."]);
            return false;
        }
        return true;
    }

    /// <summary>A fresh secret for a link sent by email, and the hash we keep of it (the secret itself is only in the email).</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (token, HashToken(token));
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
