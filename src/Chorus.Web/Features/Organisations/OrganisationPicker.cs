using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Organisations;

/// <summary>The fields of a public form where someone names their organisation (sign-ons, consultations).</summary>
internal interface IOrganisationFields
{
    string? Organisation { get; }
    string? Country { get; }
    string? Type { get; }
    string? Website { get; }
}

/// <summary>What the organisation fields name: a directory record, or a new organisation with its country, type and website.</summary>
internal sealed record PickedOrganisation(Organisation? Record, string? Country, OrganisationType? Type, string? Website);

/// <summary>
/// How a public form reads the organisation fields (<see cref="IOrganisationFields"/>, shown by _OrganisationFields.cshtml):
/// the directory record when the name (or acronym, or address) is one, else a new organisation from the form's fields;
/// each problem becomes a message next to its field, under the form's "Input." prefix.
/// </summary>
internal static class OrganisationPicker
{
    public static async Task<PickedOrganisation> PickAsync(ChorusDb db, IOrganisationFields input, ModelStateDictionary errors,
        IStringLocalizer S, CancellationToken ct)
    {
        var typed = input.Organisation?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            errors.AddModelError("Input.Organisation", S["Write your organisation's name."]);
            return new(null, null, null, null);
        }
        var found = (await OrganisationLookup.FindAsync(db, typed, S, ct)).Found;
        var country = CountryOf(input, errors, S, optional: found is not null);
        if (found is null && country is not null)
        {
            // Several records share the name: the country says which.
            var key = Organisation.Fold(typed);
            var code = country == "int" ? null : country;
            found = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.SortKey == key && o.Country == code && o.MergedIntoId == null, ct);
        }
        if (found is not null)
        {
            return new(found.MergedIntoId is null ? found : null, found.Country, found.Type, found.Website);
        }
        OrganisationType? type = Enum.TryParse<OrganisationType>(input.Type, out var t) && Enum.IsDefined(t) ? t : null;
        if (!string.IsNullOrEmpty(input.Type) && type is null)
        {
            errors.AddModelError("Input.Type", S["Choose a type from the list."]);
        }
        if (!OrganisationRules.TryWebsite(input.Website, out var website))
        {
            errors.AddModelError("Input.Website", S["This is not a web address."]);
        }
        return new(null, country == "int" ? null : country, type, website);
    }

    /// <summary>The chosen country code ("int" for international); an error next to the field when it is required or unknown.</summary>
    public static string? CountryOf(IOrganisationFields input, ModelStateDictionary errors, IStringLocalizer S, bool optional)
    {
        if (string.IsNullOrEmpty(input.Country))
        {
            if (!optional)
            {
                errors.AddModelError("Input.Country", S["Choose your organisation's country, or “International”."]);
            }
            return null;
        }
        if (input.Country == "int")
        {
            return "int";
        }
        if (Countries.Get(input.Country)?.Code is { } code)
        {
            return code;
        }
        errors.AddModelError("Input.Country", S["Choose a country from the list."]);
        return null;
    }
}

/// <summary>The model of _OrganisationFields.cshtml: the form's values, whether it asks for an organisation, and the website hint.</summary>
internal sealed record OrganisationFieldsView(IOrganisationFields Input, string Culture, bool Organisations, string WebsiteHint);
