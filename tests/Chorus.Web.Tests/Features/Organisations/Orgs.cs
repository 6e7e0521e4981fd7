using Chorus.Web.Features.Organisations;

namespace Chorus.Web.Tests.Features.Organisations;

/// <summary>Writes organisations the way the app does (through the DbContext, so their keys are derived on save).</summary>
internal static class Orgs
{
    public static Organisation Make(string name, string? country, OrganisationType type = OrganisationType.Ngo,
        Membership membership = Membership.Member, string? acronym = null) => new()
        {
            Name = name, Acronym = acronym, Slug = Chorus.Web.Infrastructure.Slugs.From(name), Country = country, Type = type, Membership = membership,
        };

    public static Task Add(this ChorusFactory app, params Organisation[] organisations) => app.WithDb(async db =>
    {
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();
    });
}
