using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>An empty site sending mail to the real SMTP server, with an editor signed in.</summary>
public class ConsultationsApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. TestMail.Settings, new("PublicForms:PostsPerMinute", "10000")];

    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "consultations-editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "consultations-editor@crossroads.test");
    }

    /// <summary>
    /// A consultation open from yesterday for 30 days with four questions: a required single choice with "Other", a
    /// ranking of up to 2 among 3, a required long text and a country; texts in English and Arabic.
    /// </summary>
    internal Task<Consultation> AddConsultation(string slug, Action<Consultation>? change = null) => WithDb(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var c = new Consultation
        {
            Slug = slug, Title = $"Consultation {slug}", IntroductionMarkdown = "Tell us what matters.", OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Translations = [new ConsultationTranslation { Culture = "ar", Title = $"استشارة {slug}", IntroductionMarkdown = "أخبرونا بما يهم." }],
            Questions =
            [
                Question(0, QuestionKind.SingleChoice, true, ("Which region do you work in?", "في أي منطقة تعملون؟"), ("Africa", "أفريقيا"), ("Asia", "آسيا")),
                Question(1, QuestionKind.Ranking, false, ("Rank your priorities", "رتبوا أولوياتكم"), ("Detention", "الاحتجاز"), ("Labour rights", "حقوق العمال"), ("Climate", "المناخ")),
                Question(2, QuestionKind.LongText, true, ("What prevents your participation?", "ما الذي يمنع مشاركتكم؟")),
                Question(3, QuestionKind.Country, false, ("Where are you based?", "أين مقركم؟")),
            ],
        };
        c.Questions[0].AllowOther = true;
        c.Questions[1].MaxRanked = 2;
        change?.Invoke(c);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    private static Question Question(int position, QuestionKind kind, bool required, (string En, string Ar) text, params (string En, string Ar)[] options) => new()
    {
        Position = position, Kind = kind, Required = required,
        Texts = [new QuestionText { Culture = "en", Text = text.En }, new QuestionText { Culture = "ar", Text = text.Ar }],
        Options = [.. options.Select((o, i) => new QuestionOption
        {
            Position = i, Texts = [new OptionText { Culture = "en", Text = o.En }, new OptionText { Culture = "ar", Text = o.Ar }],
        })],
    };

    internal Task<Consultation> Load(string slug) => WithDb(db => db.Consultations.AsNoTracking().Include(c => c.Questions).ThenInclude(q => q.Options)
        .ThenInclude(o => o.Texts).AsSplitQuery().SingleAsync(c => c.Slug == slug));

    internal Task<Organisation> AddOrganisation(string name, string country, Membership membership, string website, params string[] domains) => WithDb(async db =>
    {
        var org = new Organisation
        {
            Name = name, Slug = Chorus.Web.Infrastructure.Slugs.From(name), Country = country, Type = OrganisationType.Ngo,
            Membership = membership, Website = website, EmailDomains = [.. domains],
        };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org;
    });

    /// <summary>Opens the answer form and sends it as a person with JavaScript off would: after a few seconds, with <paramref name="fields"/> set.</summary>
    public async Task<(HttpResponseMessage Response, string Page)> SubmitAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string? handler = null, IEnumerable<(string Field, string FileName, byte[] Content)>? files = null, TimeSpan? typing = null)
    {
        var html = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var form = AnswerForm(html);
        var values = Hidden(form).Concat(fields).ToList();
        Clock.Advance(typing ?? TimeSpan.FromSeconds(10));
        var action = form.GetAttribute("action")! + (handler is null ? "" : $"?handler={handler}");
        HttpContent body = new FormUrlEncodedContent(values);
        if (files is not null)
        {
            // As a browser sends a form with a file field: multipart, the form saying so.
            Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (field, fileName, content) in files)
            {
                var part = new ByteArrayContent(content);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                multipart.Add(part, field, fileName);
            }
            body = multipart;
        }
        var response = await client.PostAsync(new Uri(action, UriKind.Relative), body);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer form of a page: its action and the values it carries hidden (fill time, version, file references).</summary>
    public static AngleSharp.Dom.IElement AnswerForm(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("#answer form.answers") ?? throw new InvalidOperationException("The page has no answer form.");

    public static List<KeyValuePair<string, string>> Hidden(AngleSharp.Dom.IElement form) =>
        [.. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];

    public static string Link(MimeMessage message, string after) =>
        new Uri(message.TextBody!.Split('\n').Select(l => l.Trim()).SkipWhile(l => !l.StartsWith(after, StringComparison.Ordinal)).Skip(1).First()).PathAndQuery;

    public static string Unique(string who) => $"{who}.{Guid.NewGuid():N}"[..(who.Length + 9)];

    internal static string Answer(Question q, string field) => $"Input.Answers[{q.Id}].{field}";

    internal static int Option(Question q, int position) => q.Options.Single(o => o.Position == position).Id;

    internal static Question Q(Consultation c, int position) => c.Questions.Single(q => q.Position == position);

    public static void AssertOk(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{response.StatusCode}");
}
