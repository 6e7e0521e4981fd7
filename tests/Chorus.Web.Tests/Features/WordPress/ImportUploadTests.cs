using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.WordPress;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.WordPress;

/// <summary>An empty site with an Admin and an Editor signed in.</summary>
public sealed class ImportUploadApp : EmptyChorusFactory
{
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        var key = await Staff.CreateAsync(this, "import-admin@crossroads.test", Roles.Admin, twoFactor: true);
        await Staff.CreateAsync(this, "import-editor@crossroads.test", Roles.Editor);
        Admin = await Staff.SignInAsync(this, "import-admin@crossroads.test", key);
        Editor = await Staff.SignInAsync(this, "import-editor@crossroads.test");
    }
}

/// <summary>/admin/import: an Admin uploads the export; the import runs in the background and reports on its page.</summary>
public sealed class ImportUploadTests(ImportUploadApp app) : IClassFixture<ImportUploadApp>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] export, string name, string? uploads = null)
    {
        var get = await client.GetAsync(new Uri("/admin/import", UriKind.Relative));
        Assert.True(get.StatusCode == HttpStatusCode.OK, $"{get.StatusCode}: {await get.Content.ReadAsStringAsync()}");
        var page = await new HtmlParser().ParseDocumentAsync(await get.Content.ReadAsStringAsync());
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(uploads ?? ""), "Uploads" },
            { new StringContent("statements"), "StatementsCategory" },
        };
        var file = new ByteArrayContent(export);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        form.Add(file, "Export", name);
        return await client.PostAsync(new Uri("/admin/import", UriKind.Relative), form);
    }

    [SkippableFact]
    public async Task An_admin_uploads_an_export_and_reads_the_report_when_the_background_import_ends()
    {
        var uploads = Directory.CreateTempSubdirectory("chorus-upload-wp-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(uploads, "2021", "12"));
            await File.WriteAllBytesAsync(Path.Combine(uploads, "2021", "12", "march.jpg"), IdentityApp.Jpeg(800, 600));

            var response = await UploadAsync(app.Admin, await File.ReadAllBytesAsync(ImportedSiteApp.Fixture), "coalition.xml", uploads);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var status = response.Headers.Location!.OriginalString;
            Assert.Matches("^/admin/import/[0-9]+$", status);
            var id = int.Parse(status["/admin/import/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 300 && await app.WithDb(db => db.ImportRuns.Where(r => r.Id == id).Select(r => r.State).SingleAsync()) is not (ImportState.Done or ImportState.Failed); i++)
            {
                await Task.Delay(100);
            }
            var page = await new HtmlParser().ParseDocumentAsync(await app.Admin.GetStringAsync(new Uri(status, UriKind.Relative)));
            Assert.Equal("Done", page.QuerySelector("#import-state")!.TextContent);
            Assert.Equal("10 of 10 items", page.QuerySelector("#import-count")!.TextContent);
            var report = page.QuerySelectorAll(".import-report li").Select(li => li.TextContent).ToList();
            Assert.Contains("Posts, pages and translations: 10 added, 0 updated, 0 unchanged", report);
            Assert.Contains("Media: 1 added, 0 already here, 1 missing, 1 refused", report);
            // The upload is gone once imported; the posts and their old addresses are here.
            var stored = await app.WithDb(db => db.ImportRuns.Where(r => r.Id == id).Select(r => r.StoredName).SingleAsync());
            Assert.False(File.Exists(Path.Combine(app.Services.GetRequiredService<ImportRunner>().Folder, stored)));
            var old = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/2021/12/16/international-migrants-day-2021/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);

            // The list of imports names it, for the next visit.
            var list = await new HtmlParser().ParseDocumentAsync(await app.Admin.GetStringAsync(new Uri("/admin/import", UriKind.Relative)));
            Assert.NotNull(list.QuerySelector($"a[href='{status}']"));
        }
        finally
        {
            Directory.Delete(uploads, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_file_that_is_no_export_is_refused_on_the_form_and_nothing_is_queued()
    {
        var before = await app.WithDb(db => db.ImportRuns.CountAsync());

        var response = await UploadAsync(app.Admin, "<html><body>Not an export</body></html>"u8.ToArray(), "page.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("This file is not a WordPress export", page.QuerySelector("[data-valmsg-for=Export]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => db.ImportRuns.CountAsync()));
    }

    [SkippableFact]
    public async Task A_run_whose_node_stopped_is_taken_up_again_once_its_lease_lapses()
    {
        var runner = app.Services.GetRequiredService<ImportRunner>();
        Directory.CreateDirectory(runner.Folder);
        var stored = $"{Guid.NewGuid():N}.xml";
        File.Copy(ImportedSiteApp.Fixture, Path.Combine(runner.Folder, stored));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // As a node leaves it when it stops halfway: running, its lease about to lapse.
        var id = await app.WithDb(async db =>
        {
            var run = new ImportRun { FileName = "stopped.xml", StoredName = stored, StartedBy = "import-admin@crossroads.test", CreatedAt = now, State = ImportState.Running, Done = 4, Total = 10, LeaseUntil = now.AddMinutes(1) };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var state = () => app.WithDb(db => db.ImportRuns.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

        // Still held: nobody takes it.
        while (await runner.RunNextAsync(default) && await state() != ImportState.Running)
        {
        }
        Assert.Equal(ImportState.Running, await state());

        // Lapsed: the next round (the background one, woken by the clock, or this one) takes it up and finishes it.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 100 && await state() is not (ImportState.Done or ImportState.Failed); i++)
        {
            if (!await runner.RunNextAsync(default))
            {
                await Task.Delay(100);
            }
        }
        Assert.Equal(ImportState.Done, await state());
        Assert.False(File.Exists(Path.Combine(runner.Folder, stored)));
    }

    [SkippableFact]
    public async Task Only_an_admin_may_import()
    {
        var response = await app.Editor.GetAsync(new Uri("/admin/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
