using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Search;

/// <summary>
/// /{culture}/search: full-text search over everything public, in every language, with filters by kind,
/// language and date, paged; output cached like every public page, and kept out of search engines.
/// </summary>
internal sealed class SearchModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, NodaTime.DateTimeZone zone, IStringLocalizer<SharedStrings> S)
    : SitePageModel
{
    public const int PageSize = 10;
    public const int MaxPage = SearchQueries.MostResults / PageSize;

    /// <summary>The choices of the "type" filter and the kinds of item each one covers.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, SearchKind[] Kinds)> Types =
    [
        ("news", "News", [SearchKind.News, SearchKind.Page]),
        ("statements", "Statements", [SearchKind.Statement]),
        ("events", "Events", [SearchKind.Event]),
        ("campaigns", "Sign-ons", [SearchKind.Campaign]),
        ("consultations", "Consultations", [SearchKind.Consultation]),
        ("organisations", "Organisations", [SearchKind.Organisation]),
    ];

    [FromQuery] public string? Q { get; set; }

    [FromQuery] public string? Type { get; set; }

    [FromQuery] public string? Lang { get; set; }

    [FromQuery] public string? From { get; set; }

    [FromQuery] public string? To { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public SearchResults? Results { get; private set; }

    /// <summary>Messages for filters that could not be used, by field name.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public int Pages => Results is null ? 0 : Math.Min(MaxPage, (Results.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Title = S["Search"];
        NoIndex = true;
        Q = Q?.Trim();
        if (Q?.Length > SearchText.MaxQueryLength)
        {
            Errors["q"] = S["Use at most {0} characters.", SearchText.MaxQueryLength];
        }
        var kinds = Types.FirstOrDefault(t => t.Value == Type).Kinds;
        if (!string.IsNullOrEmpty(Type) && kinds is null)
        {
            Errors["type"] = S["Choose a type from the list."];
        }
        if (!string.IsNullOrEmpty(Lang) && !Cultures.Contains(Lang))
        {
            Errors["lang"] = S["Choose a language from the list."];
        }
        var from = Day("from", From);
        var to = Day("to", To);
        if (from > to)
        {
            Errors["to"] = S["The end date must not be before the start date."];
        }
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        if (string.IsNullOrEmpty(Q) || Errors.Count > 0)
        {
            if (Errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            return Page();
        }
        Title = S["Search results for “{0}”", Q];
        var request = new SearchRequest(SearchText.Terms(Q), kinds ?? [], string.IsNullOrEmpty(Lang) ? null : Lang,
            from is { } f ? Utc(f) : null, to is { } t ? Utc(t.AddDays(1)) : null, Culture);
        Results = await SearchQueries.RunAsync(db, request, clock.GetUtcNow().UtcDateTime, (PageNumber - 1) * PageSize, PageSize, ct);
        return Page();
    }

    /// <summary>A yyyy-MM-dd date from a date field; anything else is a message next to the field.</summary>
    private DateOnly? Day(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            return day;
        }
        Errors[field] = S["Enter a date as YYYY-MM-DD."];
        return null;
    }

    /// <summary>Midnight at the start of a day in the site's time zone, as a UTC instant.</summary>
    private DateTime Utc(DateOnly day) =>
        NodaTime.LocalDate.FromDateOnly(day).AtStartOfDayInZone(Zone).ToDateTimeUtc();

    /// <summary>The site's time zone, for the dates of results and the date filter.</summary>
    public NodaTime.DateTimeZone Zone => zone;

    public string Link(int page) => $"/{Culture}/search" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["type"] = string.IsNullOrEmpty(Type) ? null : Type,
        ["lang"] = string.IsNullOrEmpty(Lang) ? null : Lang,
        ["from"] = string.IsNullOrEmpty(From) ? null : From,
        ["to"] = string.IsNullOrEmpty(To) ? null : To,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));

    public static string KindLabel(SearchKind kind) => kind switch
    {
        SearchKind.News => "News",
        SearchKind.Page => "Page",
        SearchKind.Statement => "Statement",
        SearchKind.Event => "Event",
        SearchKind.Campaign => "Sign-on",
        SearchKind.Consultation => "Consultation",
        _ => "Organisation",
    };
}
