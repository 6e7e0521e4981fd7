using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure.Email;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter;

/// <summary>One address of an audience export, checked: what it will become, or why it is skipped.</summary>
internal sealed record ImportedSubscriber(int Line, string Email, string Culture, IReadOnlyList<int> Lists, DateTime? ConsentAt, string? Consent, string? Skipped);

/// <summary>What an import will do, shown before anything is written.</summary>
internal sealed record SubscriberImportPlan(IReadOnlyList<ImportedSubscriber> Rows, IReadOnlyList<string> FileProblems, IReadOnlyList<string> UnknownTags)
{
    public IEnumerable<ImportedSubscriber> Added => Rows.Where(r => r.Skipped is null);
    public int Confirmed => Added.Count(r => r.ConsentAt is not null);
    public int Invited => Added.Count(r => r.ConsentAt is null);
}

/// <summary>
/// A Mailchimp audience export (Audience, Export audience: one CSV per status). Its column names: "Email Address",
/// "Language", "TAGS" ("News","Events"), "OPTIN_TIME", "CONFIRM_TIME"… Only those whose consent Mailchimp recorded (an
/// opt-in or confirmation time) become confirmed; the others are invited to confirm by email. Erased addresses, those
/// already here and malformed ones are skipped and counted: an import never changes an existing subscriber.
/// </summary>
internal static class MailchimpImport
{
    public const int MaxRows = 50_000;

    public static async Task<SubscriberImportPlan> CheckAsync(ChorusDb db, string text, int? defaultList, IReadOnlyList<string> cultures,
        IStringLocalizer S, CancellationToken ct)
    {
        var lists = await db.NewsletterLists.AsNoTracking().Where(l => l.ArchivedAt == null).ToListAsync(ct);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in lists)
        {
            byName.TryAdd(l.Slug, l.Id);
            foreach (var t in l.Texts)
            {
                byName.TryAdd(t.Name.Trim(), l.Id);
            }
        }
        var known = (await db.Subscribers.AsNoTracking().Select(s => s.EmailKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var suppressed = (await db.SuppressedAddresses.AsNoTracking().Select(a => a.Hash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ImportedSubscriber>();
        var problems = new List<string>();
        var unknownTags = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { TrackLineNumbers = true, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw });
            var columns = reader.Headers.Select((h, i) => (h.Trim().ToUpperInvariant(), i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            if (!columns.ContainsKey("EMAIL ADDRESS"))
            {
                problems.Add(S["The first row must name the columns, and one must be “Email Address”. Found: {0}.", string.Join(", ", reader.Headers)]);
            }
            while (problems.Count == 0 && reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    problems.Add(S["A file can hold at most {0} addresses; split it in parts.", MaxRows]);
                    break;
                }
                string Get(string column) => columns.TryGetValue(column, out var index) && index < reader.FieldCount ? reader.GetString(index).Trim() : "";
                var email = Get("EMAIL ADDRESS");
                var language = Get("LANGUAGE").Split('_', '-')[0].ToLowerInvariant();
                var culture = cultures.Contains(language) ? language : cultures[0];
                var tags = Get("TAGS").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim().Trim('"').Trim()).Where(t => t.Length > 0).ToList();
                var chosen = tags.Where(byName.ContainsKey).Select(t => byName[t]).Distinct().ToList();
                unknownTags.UnionWith(tags.Where(t => !byName.ContainsKey(t)));
                if (chosen.Count == 0 && defaultList is { } d && lists.Any(l => l.Id == d))
                {
                    chosen.Add(d);
                }
                var times = new[] { Get("CONFIRM_TIME"), Get("OPTIN_TIME") }
                    .Select(t => DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTime?)null).ToList();
                var consentAt = times[0] ?? times[1];
                var key = Subscriptions.Key(email);
                string? skipped = !MailAddresses.IsValid(email) ? S["Not an email address."].Value
                    : suppressed.Contains(Subscriptions.Hash(email)) ? S["Erased at its owner's request: skipped."].Value
                    : known.Contains(key) ? S["Already a subscriber: left as it is."].Value
                    : !seen.Add(key) ? S["Twice in the file: the first row counts."].Value
                    : chosen.Count == 0 ? S["No list: give it a tag named like a list, or choose a list for the rows without one."].Value
                    : null;
                rows.Add(new((int)reader.LineNumber, email, culture, chosen, consentAt,
                    consentAt is null ? null : $"Mailchimp: opt-in {Get("OPTIN_TIME")} {Get("OPTIN_IP")}, confirmed {Get("CONFIRM_TIME")} {Get("CONFIRM_IP")}".Trim(), skipped));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(S["The file is not a readable CSV file near line {0}: check its quotes.", e.LineNumber]);
        }
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(S["The file has no addresses in it."]);
        }
        return new(rows, problems, [.. unknownTags]);
    }

    /// <summary>Adds the plan's subscribers; those without recorded consent get an invitation to confirm, in their language.</summary>
    public static async Task<(int Confirmed, int Invited)> ApplyAsync(ChorusDb db, SubscriberImportPlan plan, DateTime now,
        Func<Subscriber, IReadOnlyList<int>, Task> invite, CancellationToken ct)
    {
        var added = plan.Added.Select(r => (Row: r, Subscriber: new Subscriber
        {
            Email = r.Email, EmailKey = Subscriptions.Key(r.Email), Culture = r.Culture, Source = "import", CreatedAt = now, LinkStamp = SubscriberLinks.NewStamp(),
            State = r.ConsentAt is null ? SubscriberState.Pending : SubscriberState.Confirmed, ConfirmedAt = r.ConsentAt is null ? null : now,
            ConsentAt = r.ConsentAt, ConsentVersion = r.ConsentAt is null ? null : "mailchimp", ConsentText = r.Consent,
            Lists = r.ConsentAt is null ? [] : [.. r.Lists.Select(l => new SubscriberList { ListId = l, AddedAt = now })],
        })).ToList();
        db.Subscribers.AddRange(added.Select(a => a.Subscriber));
        await db.SaveChangesAsync(ct);
        foreach (var (row, s) in added.Where(a => a.Subscriber.State == SubscriberState.Pending))
        {
            await invite(s, row.Lists);
        }
        await db.SaveChangesAsync(ct);
        return (added.Count(a => a.Subscriber.State == SubscriberState.Confirmed), added.Count(a => a.Subscriber.State == SubscriberState.Pending));
    }
}
