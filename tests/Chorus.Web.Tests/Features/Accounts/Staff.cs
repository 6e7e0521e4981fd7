using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>Staff accounts for tests, and a browser-like client that signs in through the real forms.</summary>
internal static class Staff
{
    public const string Password = "correct horse battery";

    /// <summary>Creates an account; admins get two-factor sign-in turned on and their TOTP key returned.</summary>
    public static async Task<string?> CreateAsync(ChorusFactory app, string email, string role, bool twoFactor = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChorusUser>>();
        var user = new ChorusUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role + " person" };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (!twoFactor)
        {
            return null;
        }
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return await users.GetAuthenticatorKeyAsync(user);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    public static HttpClient Client(ChorusFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// GETs a form page and POSTs the form as a browser would: every field with its current value (the
    /// antiforgery token included), with <paramref name="fields"/> typed over them; <paramref name="whileOpen"/> runs between.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string? formSelector = null, string? handler = null, Func<Task>? whileOpen = null)
    {
        var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var form = formSelector is null ? html.QuerySelector("main form[method=post]")! : html.QuerySelector(formSelector)!;
        var values = new Dictionary<string, string>();
        foreach (var control in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            // As a browser sends them: a radio button or a checkbox only when it is checked.
            if (control.GetAttribute("type") is "radio" or "checkbox" && !control.HasAttribute("checked"))
            {
                continue;
            }
            var name = control.GetAttribute("name")!;
            values[name] = control switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                _ => control.GetAttribute("value") ?? "",
            };
        }
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        // Something that happens while the person has the form open (another writer, a background job).
        if (whileOpen is not null)
        {
            await whileOpen();
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        if (handler is not null)
        {
            action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the login form (and the two-factor form when a key is given), as the browser named.</summary>
    public static async Task<HttpClient> SignInAsync(ChorusFactory app, string email, string? totpKey = null, string password = Password,
        string? userAgent = null)
    {
        var client = Client(app);
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
        var response = await PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (totpKey is not null)
        {
            Assert.StartsWith("/account/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            response = await PostFormAsync(client, response.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = Totp(totpKey) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>The current RFC 6238 code for a base32 key, as an authenticator app shows it.</summary>
    public static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this mirrors them.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(Alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
