using System.Globalization;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>
/// /admin/consultations/{id}/synthesis: every question's figures (charts and tables, as the public results show them) and
/// every free-text answer by theme, published or not; a button writes a draft post from them: the figures as tables and
/// the highlighted quotes, anonymised unless the respondent allowed attribution.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class SynthesisModel(ChorusDb db, ShownData shown, UserManager<ChorusUser> users, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<QuestionResult> Results { get; private set; } = [];
    public Turnout Turnout { get; private set; } = null!;

    /// <summary>For each choice question, each option's answers by region (UN M49, or international) and from member organisations.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<(string Label, IReadOnlyDictionary<string, int> ByRegion, int Members)>> Breakdown { get; private set; } =
        new Dictionary<int, IReadOnlyList<(string, IReadOnlyDictionary<string, int>, int)>>();

    /// <summary>The breakdown's columns: the five UN regions and international.</summary>
    public static IReadOnlyList<(string Code, string Name)> Regions { get; } =
        [.. Organisations.Countries.Regions.Select(r => (r.Code, r.Name)), ("", "International")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var c = Consultation;
        var (title, body) = Draft(c);
        var slug = await Slugs.ForFormAsync(null, $"{c.Slug}-synthesis", s => db.Posts.AnyAsync(p => p.Slug == s, ct)) is var (s, taken) && taken
            ? $"{c.Slug}-synthesis-{Guid.NewGuid().ToString("N")[..6]}" : s;
        var post = new Post
        {
            Title = title, Slug = slug, BodyMarkdown = body, Kind = PostKind.Report, Status = PostStatus.Draft,
            Culture = c.Culture, AuthorName = (await users.GetUserAsync(User))?.DisplayName ?? "",
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/posts/{post.Id}");
    }

    /// <summary>
    /// The draft's title and Markdown, written in the consultation's language (the post is in it, whoever presses the
    /// button). Quotes only when the consultation said free-text answers may be published: respondents were told otherwise.
    /// </summary>
    private (string Title, string Body) Draft(Consultation c)
    {
        using var _ = Cultures.Write(c.Culture);
        var body = new StringBuilder();
        body.Append(S["{0} organisations and {1} individuals from {2} countries answered.", Turnout.Organisations, Turnout.Individuals, Turnout.Countries]).Append("\n\n");
        foreach (var r in Results)
        {
            body.Append(CultureInfo.InvariantCulture, $"## {Escape(r.Text)}\n\n{S["{0} answered.", r.Answered]}\n\n");
            if (r.Bars.Count > 0)
            {
                var ranking = r.Question.Kind == QuestionKind.Ranking;
                body.Append(ranking
                    ? string.Create(CultureInfo.InvariantCulture, $"| {S["Option"]} | {S["Average rank"]} | {S["Answers"]} |\n|---|---:|---:|\n")
                    : string.Create(CultureInfo.InvariantCulture, $"| {S["Option"]} | {S["Answers"]} | % |\n|---|---:|---:|\n"));
                foreach (var b in r.Bars)
                {
                    var label = Escape(b.Label.Length == 0 ? S["Other"] : b.Label);
                    body.Append(ranking
                        ? string.Create(CultureInfo.InvariantCulture, $"| {label} | {b.AverageRank?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—"} | {b.Count} |\n")
                        : string.Create(CultureInfo.InvariantCulture, $"| {label} | {b.Count} | {b.Percent:0.#} |\n"));
                }
                body.Append('\n');
            }
            foreach (var q in r.Quotes.Where(q => q.Highlight && c.AnswersPublishable))
            {
                body.Append(CultureInfo.InvariantCulture, $"> {Escape(q.Text).ReplaceLineEndings("\n> ")}\n>\n> — {Escape(q.Attribution ?? S["Anonymous"])}\n\n");
            }
        }
        return (S["What we heard: {0}", c.Title], body.ToString());
    }

    // Text someone typed goes into Markdown as text: no link, heading or table syntax of theirs takes effect.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!')
            {
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var slug = await db.Consultations.Where(c => c.Id == Id && c.DeletedAt == null).Select(c => c.Slug).FirstOrDefaultAsync(ct);
        if (slug is null || await ConsultationRules.LoadAsync(db, shown, slug, ct) is not { } c)
        {
            return false;
        }
        Consultation = c;
        Title = S["Synthesis of “{0}”", c.Title];
        Results = await ConsultationResults.ComputeAsync(db, shown, c, [c.Culture], QuoteSet.All, ct);
        Turnout = await AnswerModel.TurnoutAsync(db, shown, c.Id, ct);
        var choices = c.Questions.Where(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice).Select(q => q.Id).ToList();
        var rows = await db.ConsultationAnswers.AsNoTracking().Where(a => choices.Contains(a.QuestionId))
            .Join(db.ConsultationResponses.Counted(c.Id), a => a.ResponseId, r => r.Id, (a, r) => new { a.QuestionId, a.OptionId, a.IsOther, r.Country, r.Badge })
            .GroupBy(x => new { x.QuestionId, x.OptionId, x.IsOther, x.Country, x.Badge })
            .Select(g => new { g.Key.QuestionId, g.Key.OptionId, g.Key.IsOther, g.Key.Country, g.Key.Badge, Count = g.Count() }).ToListAsync(ct);
        Breakdown = c.Questions.Where(q => choices.Contains(q.Id)).ToDictionary(q => q.Id, q =>
        {
            var mine = rows.Where(r => r.QuestionId == q.Id).ToList();
            var options = q.Options.OrderBy(o => o.Position).ThenBy(o => o.Id)
                .Select(o => (Label: ConsultationRules.OptionLabel(o, [c.Culture], c.Culture), Rows: mine.Where(r => r.OptionId == o.Id && !r.IsOther).ToList()))
                .Append((Label: S["Other"].Value, Rows: mine.Where(r => r.IsOther).ToList()))
                .Where(o => o.Rows.Count > 0 || o.Label != S["Other"].Value);
            return (IReadOnlyList<(string, IReadOnlyDictionary<string, int>, int)>)[.. options.Select(o => (o.Label,
                (IReadOnlyDictionary<string, int>)Regions.ToDictionary(r => r.Code, r => o.Rows.Where(x => (Organisations.Countries.Get(x.Country)?.Region ?? "") == r.Code).Sum(x => x.Count)),
                o.Rows.Where(x => x.Badge == Campaigns.Badge.Member).Sum(x => x.Count)))];
        });
        return true;
    }
}
