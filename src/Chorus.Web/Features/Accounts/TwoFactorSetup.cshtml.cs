using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Chorus.Web.Features.Accounts;

/// <summary>Turns on TOTP two-factor sign-in: a QR code (inline SVG, nothing fetched), a key, a check code.</summary>
[Authorize]
internal sealed class TwoFactorSetupModel(UserManager<ChorusUser> users, SignInManager<ChorusUser> signIn, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code."), MaxLength(12)]
    public string Code { get; set; } = "";

    public string QrSvg { get; private set; } = "";

    public string FormattedKey { get; private set; } = "";

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Code), S["That code is not right. Codes change every 30 seconds; try the current one."]);
            }
            await ShowKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        Title = S["Two-factor sign-in"];
        return Page();
    }

    private async Task ShowKeyAsync(ChorusUser user)
    {
        Title = S["Two-factor sign-in"];
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Chorus:" + user.Email)}?secret={key}&issuer=Chorus&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
