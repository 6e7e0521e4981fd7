using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Events;

internal sealed record DayItem(string Slug, string Title, string Culture, string Time, bool Cancelled);

/// <summary>/{culture}/events/month/{yyyy-MM}: a month as an accessible table, each day listing what starts then, in the reader's zone.</summary>
internal sealed class MonthModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site) : SitePageModel
{
    public LocalDate First { get; private set; }

    public string ZoneId { get; private set; } = "UTC";

    public IReadOnlyDictionary<LocalDate, List<DayItem>> Days { get; private set; } = new Dictionary<LocalDate, List<DayItem>>();

    public IReadOnlyList<IsoDayOfWeek> WeekDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        ZoneId = ReaderZone.Of(HttpContext) ?? site.Value.TimeZone;
        var zone = EventTimes.Zone(ZoneId);
        if (month is null)
        {
            var today = Instant.FromDateTimeUtc(clock.GetUtcNow().UtcDateTime).InZone(zone).Date;
            First = new LocalDate(today.Year, today.Month, 1);
        }
        else if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is > 1990 and < 2200)
        {
            First = LocalDate.FromDateOnly(parsed);
        }
        else
        {
            return BadRequest();
        }
        Title = CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(First.Month) + " " + First.Year.ToString(CultureInfo.InvariantCulture);
        var from = First.AtStartOfDayInZone(zone).ToDateTimeUtc();
        var to = First.PlusMonths(1).AtStartOfDayInZone(zone).ToDateTimeUtc();
        var events = await db.Events.AsNoTracking().AsSplitQuery()
            .Where(e => e.DeletedAt == null && e.StartsAt < to && e.EndsAt >= from)
            .Include(e => e.Sessions).Include(e => e.Translations).Take(500).ToListAsync(ct);
        var days = new Dictionary<LocalDate, List<DayItem>>();
        foreach (var e in events)
        {
            var text = EventTexts.Best(e, Chain);
            var starts = e.Kind == EventKind.Series
                ? e.Sessions.Where(s => s.StartsAt >= from && s.StartsAt < to).Select(s => (s.StartsAt, s.Status == SessionStatus.Cancelled || e.Status == EventStatus.Cancelled))
                : [(e.StartsAt, e.Status == EventStatus.Cancelled)];
            foreach (var (start, cancelled) in starts.Where(s => s.Item1 >= from && s.Item1 < to))
            {
                var local = Instant.FromDateTimeUtc(start).InZone(zone);
                if (!days.TryGetValue(local.Date, out var list))
                {
                    days[local.Date] = list = [];
                }
                list.Add(new DayItem(e.Slug, text.Title, text.Culture, local.ToString("HH:mm", CultureInfo.InvariantCulture), cancelled));
            }
        }
        foreach (var list in days.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Time, b.Time));
        }
        Days = days;
        var firstDay = NodaTime.Utility.BclConversions.ToIsoDayOfWeek(CultureInfo.CurrentCulture.DateTimeFormat.FirstDayOfWeek);
        WeekDays = [.. Enumerable.Range(0, 7).Select(i => (IsoDayOfWeek)(((int)firstDay - 1 + i) % 7 + 1))];
        return Page();
    }

    /// <summary>The weeks of the month, each seven days from the culture's first weekday; null outside the month.</summary>
    public IEnumerable<LocalDate?[]> Weeks()
    {
        var lead = ((int)First.DayOfWeek - (int)WeekDays[0] + 7) % 7;
        var start = First.PlusDays(-lead);
        for (var week = start; week < First.PlusMonths(1); week = week.PlusWeeks(1))
        {
            yield return [.. Enumerable.Range(0, 7).Select(i => week.PlusDays(i)).Select(d => d.Month == First.Month ? d : (LocalDate?)null)];
        }
    }

    public string MonthPath(LocalDate month) => string.Create(CultureInfo.InvariantCulture, $"/{Culture}/events/month/{month.Year:0000}-{month.Month:00}");
}
