using Chorus.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Admin;

/// <summary>One line of a dashboard section: what, where to act on it, and when.</summary>
internal sealed record DashboardRow(string Title, string Url, DateTime At);

/// <summary>
/// A section of the dashboard, declared by the feature it belongs to (posts now; sign-ons and events
/// later), shown to the roles it names.
/// </summary>
internal sealed record DashboardSection(string Title, string[] Roles, int Order, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<DashboardRow>>> Load);

/// <summary>/admin: what needs attention, section by section.</summary>
internal sealed class DashboardModel(IEnumerable<DashboardSection> sections, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<(DashboardSection Section, IReadOnlyList<DashboardRow> Rows)> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Dashboard"];
        var visible = new List<(DashboardSection, IReadOnlyList<DashboardRow>)>();
        foreach (var section in sections.Where(s => s.Roles.Any(User.IsInRole)).OrderBy(s => s.Order))
        {
            visible.Add((section, await section.Load(HttpContext.RequestServices, ct)));
        }
        Sections = visible;
    }
}
