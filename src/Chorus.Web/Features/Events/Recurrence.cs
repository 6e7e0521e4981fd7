using NodaTime;

namespace Chorus.Web.Features.Events;

internal enum RecurrenceFrequency { Daily, Weekly, Monthly }

/// <summary>
/// The rule of a series, the subset of RFC 5545 RRULE that people schedule with: every N days; every N weeks
/// on given weekdays; every N months on a day of the month or on the first…fourth or last given weekday;
/// until a date or for a number of times; minus excluded dates.
/// </summary>
internal sealed class Recurrence
{
    /// <summary>Occurrences generated at most, so an open-ended rule stays finite.</summary>
    public const int MaxOccurrences = 400;

    public RecurrenceFrequency Frequency { get; set; } = RecurrenceFrequency.Weekly;
    public int Interval { get; set; } = 1;

    /// <summary>Weekdays of a weekly rule, or the one weekday of a monthly "Nth weekday" rule, as RFC 5545 codes: "TU,TH".</summary>
    public string ByDay { get; set; } = "";

    public IReadOnlyList<IsoDayOfWeek> Weekdays => [.. ByDay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(code => Enum.GetValues<IsoDayOfWeek>().FirstOrDefault(d => d != IsoDayOfWeek.None && Code(d) == code))
        .Where(d => d != IsoDayOfWeek.None).Distinct()];

    /// <summary>A monthly rule on this day of the month (a month without it is skipped, as RFC 5545 says).</summary>
    public int? MonthDay { get; set; }

    /// <summary>A monthly rule on the Nth weekday: 1–4, or -1 for the last.</summary>
    public int? Ordinal { get; set; }
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }
    public List<DateOnly> Exclusions { get; set; } = [];

    /// <summary>
    /// The dates the rule gives from <paramref name="first"/> (the first session's date), in order, before
    /// exclusions are removed; RFC 5545 counts COUNT the same way. Written by hand because it must agree
    /// with the RRULE we publish and Ical.Net's evaluator works in its own date types; the tests check both agree.
    /// </summary>
    public IEnumerable<LocalDate> Dates(LocalDate first)
    {
        var produced = 0;
        var limit = Count ?? MaxOccurrences;
        var until = Until is { } u ? LocalDate.FromDateOnly(u) : first.PlusYears(3);
        foreach (var date in Candidates(first))
        {
            if (date > until || produced >= Math.Min(limit, MaxOccurrences))
            {
                yield break;
            }
            produced++;
            yield return date;
        }
    }

    /// <summary>The dates the series happens on: <see cref="Dates"/> without the excluded ones.</summary>
    public IEnumerable<LocalDate> Occurrences(LocalDate first) =>
        Dates(first).Where(d => !Exclusions.Contains(d.ToDateOnly()));

    private IEnumerable<LocalDate> Candidates(LocalDate first)
    {
        var step = Math.Max(1, Interval);
        switch (Frequency)
        {
            case RecurrenceFrequency.Daily:
                for (var d = first; ; d = d.PlusDays(step))
                {
                    yield return d;
                }
            case RecurrenceFrequency.Weekly:
                var days = Weekdays.Count > 0 ? Weekdays.Order().ToList() : [first.DayOfWeek];
                for (var monday = first.PlusDays(1 - (int)first.DayOfWeek); ; monday = monday.PlusWeeks(step))
                {
                    foreach (var day in days)
                    {
                        var d = monday.PlusDays((int)day - 1);
                        if (d >= first)
                        {
                            yield return d;
                        }
                    }
                }
            default:
                for (var month = new LocalDate(first.Year, first.Month, 1); ; month = month.PlusMonths(step))
                {
                    if (InMonth(month, first) is { } d && d >= first)
                    {
                        yield return d;
                    }
                }
        }
    }

    private LocalDate? InMonth(LocalDate month, LocalDate first)
    {
        var length = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        if (Ordinal is { } ordinal)
        {
            var weekday = Weekdays.Count > 0 ? Weekdays[0] : first.DayOfWeek;
            if (ordinal < 0)
            {
                var last = new LocalDate(month.Year, month.Month, length);
                return last.PlusDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
            }
            var firstOfKind = month.PlusDays(((int)weekday - (int)month.DayOfWeek + 7) % 7);
            var d = firstOfKind.PlusWeeks(ordinal - 1);
            return d.Month == month.Month ? d : null;
        }
        var day = MonthDay ?? first.Day;
        return day <= length ? new LocalDate(month.Year, month.Month, day) : null;
    }

    /// <summary>The rule as RFC 5545 writes it (RRULE value), for calendars; UNTIL is the last start, in UTC.</summary>
    public string ToRRule(LocalDate first, Instant? lastStart)
    {
        var parts = new List<string> { $"FREQ={Frequency.ToString().ToUpperInvariant()}" };
        if (Interval > 1)
        {
            parts.Add(FormattableString.Invariant($"INTERVAL={Interval}"));
        }
        if (Frequency == RecurrenceFrequency.Weekly && Weekdays.Count > 0)
        {
            parts.Add("BYDAY=" + string.Join(",", Weekdays.Order().Select(Code)));
        }
        if (Frequency == RecurrenceFrequency.Monthly)
        {
            parts.Add(Ordinal is { } o
                ? FormattableString.Invariant($"BYDAY={o}{Code(Weekdays.Count > 0 ? Weekdays[0] : IsoDayOfWeek.Monday)}")
                : FormattableString.Invariant($"BYMONTHDAY={MonthDay ?? first.Day}"));
        }
        if (Count is { } count)
        {
            parts.Add(FormattableString.Invariant($"COUNT={count}"));
        }
        else if (lastStart is { } last)
        {
            parts.Add("UNTIL=" + NodaTime.Text.InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(last));
        }
        return string.Join(";", parts);
    }

    public static string Code(IsoDayOfWeek day) => day.ToString()[..2].ToUpperInvariant();
}
