using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Site;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Chorus.Web.Tests.Features.Admin;

/// <summary>
/// What the rich text editor and the media dialog ask the server for while someone writes: the preview, the search of the
/// site's own pages for a link, the media library's list and an upload from the dialog.
/// </summary>
public sealed class EditorServicesTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private sealed record Found(string Title, string Kind, string Url);

    private sealed record Item(int Id, string Kind, string Name, string Alt, string Url, string Thumbnail, int Width, int Height);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The antiforgery token of a staff page, as editor.js reads it from the form its field sits in.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/admin/media", UriKind.Relative)));
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HttpContent content, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", await TokenAsync(client));
        }
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name, string alt)
    {
        var form = new MultipartFormDataContent { { new StringContent(alt), "AltText" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);
        return await PostAsync(client, "/admin/media?handler=Json", form);
    }

    [Fact]
    public async Task The_preview_is_the_public_page_s_html_of_the_markdown_sanitised_and_needs_the_form_s_token()
    {
        const string markdown = "## Programme\n\nWe meet **online**.<script>alert(1)</script>\n\n| Time | Session |\n|---|---|\n| 10:00 | Opening |\n";
        var response = await PostAsync(app.Editor, "/admin/editor?handler=Preview", new FormUrlEncodedContent([new("markdown", markdown)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2 id=\"programme\">Programme</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>online</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Opening</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", html, StringComparison.Ordinal);

        var forged = await PostAsync(app.Editor, "/admin/editor?handler=Preview", new FormUrlEncodedContent([new("markdown", markdown)]), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_link_is_found_by_words_of_a_title_and_points_to_the_page_in_the_language_being_written()
    {
        var found = await app.Editor.GetFromJsonAsync<Found[]>(new Uri("/admin/editor?handler=Links&q=MIGRANTS%20day&culture=fr", UriKind.Relative), Web);

        Assert.Contains(new Found("International Migrants Day 2021", "Event", "/fr/events/international-migrants-day-2021"), found!);
        Assert.All(found!, f => Assert.Contains("migrants day", f.Title, StringComparison.OrdinalIgnoreCase));
        Assert.All(found!, f => Assert.StartsWith("/fr/", f.Url, StringComparison.Ordinal));

        // A language the site does not serve falls back to the default one; no words, nothing.
        var english = await app.Editor.GetFromJsonAsync<Found[]>(new Uri("/admin/editor?handler=Links&q=migrants%20day&culture=xx", UriKind.Relative), Web);
        Assert.All(english!, f => Assert.StartsWith("/en/", f.Url, StringComparison.Ordinal));
        Assert.Empty((await app.Editor.GetFromJsonAsync<Found[]>(new Uri("/admin/editor?handler=Links&q=%20", UriKind.Relative), Web))!);
    }

    [Fact]
    public async Task The_media_dialog_uploads_an_image_with_its_alternative_text_and_finds_it_again()
    {
        var png = IdentityApp.Png(64, 48, new SKColor(20, 120, 60));
        var created = await UploadAsync(app.Editor, png, "harbour-dialog.png", "Boats in the harbour at dawn");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<Item>(Web))!;
        Assert.Equal(("image", "Boats in the harbour at dawn", "harbour-dialog.png"), (item.Kind, item.Alt, item.Name));
        Assert.Matches("^/media/[0-9a-f]+-64\\.png$", item.Url);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri(item.Url, UriKind.Relative))).StatusCode);

        var found = await app.Editor.GetFromJsonAsync<Item[]>(new Uri("/admin/media?handler=Library&q=HARBOUR%20at&kind=image", UriKind.Relative), Web);
        Assert.Equal([item.Id], found!.Select(f => f.Id));
    }

    [Fact]
    public async Task An_upload_from_the_dialog_without_alternative_text_or_of_a_file_that_is_no_image_is_refused_with_the_reason()
    {
        var before = await app.WithDb(db => db.Media.CountAsync());

        var noAlt = await UploadAsync(app.Editor, IdentityApp.Png(20, 20, SKColors.Red), "no-alt.png", " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        using (var problem = JsonDocument.Parse(await noAlt.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Describe the image for people who cannot see it.", problem.RootElement.GetProperty("detail").GetString());
        }

        var notAnImage = await UploadAsync(app.Editor, "just words"u8.ToArray(), "notes.png", "Notes");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnImage.StatusCode);
        using (var problem = JsonDocument.Parse(await notAnImage.Content.ReadAsStringAsync()))
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }
        Assert.Equal(before, await app.WithDb(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task Nobody_signed_out_reaches_the_editor_s_services()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in new[] { "/admin/editor?handler=Links&q=day", "/admin/media?handler=Library" })
        {
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
