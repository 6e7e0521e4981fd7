using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Media;
using Chorus.Web.Tests.Features.Accounts;

namespace Chorus.Web.Tests.Features.Audit;

/// <summary>An empty site whose default language (that of its admin) is the one given.</summary>
public sealed class AuditApp(string culture) : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        culture == "en" ? [] : [new("Site:Cultures:0", culture), new("Site:Cultures:1", "en")];
}

public sealed class AuditReadingTests
{
    private static Dictionary<string, string> Fields(IElement row) =>
        row.QuerySelectorAll("dl.changes dt").Zip(row.QuerySelectorAll("dl.changes dd")).ToDictionary(f => f.First.TextContent, f => f.Second.TextContent);

    [Theory]
    [InlineData("en", "Title", "Tags", "Featured image", "Name", "Email domains", "Logo", "Description", "Changed", "Post", "(not recorded)", "#424242 (deleted)")]
    [InlineData("fr", "Titre", "Mots-clés", "Image à la une", "Nom", "Domaines de messagerie", "Logo", "Description", "Modification", "Publication", "(non enregistré)", "n° 424242 (supprimé)")]
    public async Task The_audit_log_reads_in_the_admin_s_language_with_lists_and_names_and_without_internal_fields(string culture,
        string title, string tags, string image, string name, string domains, string logo, string description, string changed, string post,
        string notRecorded, string deleted)
    {
        await using var app = new AuditApp(culture);
        await app.StartAsync();
        var key = await Staff.CreateAsync(app, "auditor@crossroads.test", Roles.Admin, twoFactor: true);
        var admin = await Staff.SignInAsync(app, "auditor@crossroads.test", key);
        await Staff.CreateAsync(app, "writer@crossroads.test", Roles.Editor);
        var editor = await Staff.SignInAsync(app, "writer@crossroads.test");
        var (imageId, postId) = await app.WithDb(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var media = new MediaItem { OriginalName = "harbour.jpg", AltText = "The harbour", Hash = "0123456789abcdef", Kind = MediaKind.Image, Widths = [480], Height = 320, UploadedAt = now };
            var draft = new Post { Title = "Detention report", Slug = "detention-report", BodyMarkdown = "Findings.", Culture = "en", CreatedAt = now, UpdatedAt = now };
            draft.Render();
            db.AddRange(media, draft);
            await db.SaveChangesAsync();
            return (media.Id, draft.Id);
        });

        var saved = await Staff.PostFormAsync(editor, $"/admin/posts/{postId}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Detention report, revised", ["Input.Tags"] = "detention, children",
            ["Input.ImageId"] = imageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Categories"] = "Reports",
        }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // An entry written before the log was readable: the name of a list's type, internal keys, a value over two lines.
        await app.WithDb(async db =>
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = app.Clock.GetUtcNow().UtcDateTime, UserName = "old@crossroads.test", Action = "created", Entity = "Organisation", EntityId = "31337",
                Summary = "Name: Harbour Welcome Centre\nSortKey: harbour welcome centre\nSearchText: harbour welcome centre hwc\nAcronymKey: hwc\n"
                    + "EmailDomains: System.Collections.Generic.List`1[System.String]\nLogoId: 424242\nDescriptionMarkdown: We welcome.\nNote: all are welcome\n",
            });
            await db.SaveChangesAsync();
        });

        var html = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative)));
        var table = html.QuerySelector("table.audit")!;
        foreach (var hidden in new[] { "SortKey", "SearchText", "AcronymKey", "System.Collections", "BodyHtml", "Excerpt", "ContentHash", "SearchDocument", "PasswordHash" })
        {
            Assert.DoesNotContain(hidden, table.TextContent, StringComparison.Ordinal);
        }
        var id = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var edit = table.QuerySelectorAll("tbody tr").Single(r => r.Children[2].TextContent == changed && r.Children[3].TextContent.StartsWith($"{post} #{id}", StringComparison.Ordinal));
        Assert.Contains("Detention report, revised", edit.Children[3].TextContent, StringComparison.Ordinal); // named, not only numbered
        var fields = Fields(edit);
        Assert.Equal("Detention report → Detention report, revised", fields[title]);
        Assert.Equal("— → detention, children", fields[tags]);
        Assert.Equal("— → harbour.jpg", fields[image]);
        Assert.DoesNotContain(fields.Keys, k => k.EndsWith("Id", StringComparison.Ordinal) || k is "Tags" && tags != "Tags");
        // The link between the post and its new category names both.
        Assert.Contains(table.QuerySelectorAll("tbody tr"), r => r.Children[3].TextContent.Contains("Reports · Detention report, revised", StringComparison.Ordinal));

        var old = table.QuerySelectorAll("tbody tr").Single(r => r.Children[1].TextContent == "old@crossroads.test");
        var oldFields = Fields(old);
        Assert.Equal([name, domains, logo, description], oldFields.Keys);
        Assert.Equal(("Harbour Welcome Centre", notRecorded, deleted), (oldFields[name], oldFields[domains], oldFields[logo]));
        Assert.Equal("We welcome.\nNote: all are welcome", oldFields[description]);
    }
}

/// <summary>A new table or field says how the audit log shows it, or the log would show its bare name (or a secret).</summary>
public sealed class AuditFieldsTests
{
    private static readonly string[] NeverShown =
        ["PasswordHash", "SecurityStamp", "TokenHash", "ConfirmTokenHash", "BodyHtml", "SortKey", "SearchText", "AcronymKey", "NormalizedEmail"];

    [Fact]
    [Trait("Database", "none")]
    public async Task Every_field_of_every_recorded_table_has_a_label_or_is_hidden_and_every_table_a_name()
    {
        await using var app = new EmptyChorusFactory();
        await app.StartAsync();
        var tables = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes().Where(t => AuditStaffWrites.Records(t.ClrType)).ToList()));

        Assert.Empty(tables.Select(t => t.ClrType.Name).Except(AuditFields.Tables.Keys));
        Assert.Empty(tables.SelectMany(t => t.GetProperties().Where(p => !p.IsPrimaryKey() && !AuditFields.IsHidden(p.Name) && !AuditFields.Labels.ContainsKey(p.Name))
            .Select(p => $"{t.ClrType.Name}.{p.Name}")));
        // What must never reach the log, whatever a table calls it.
        Assert.All(NeverShown, field => Assert.True(AuditFields.IsHidden(field), field));
    }
}
