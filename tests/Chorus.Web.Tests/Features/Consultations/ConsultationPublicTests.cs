using System.Net;
using System.Text.Json;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>What the public sees beyond the pages: the API with its counts, the feed, the sitemap, the links from the event; never a respondent's contact.</summary>
public sealed class ConsultationPublicTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task The_api_feed_sitemap_and_event_show_the_consultation_and_its_counts_and_nothing_private()
    {
        var ev = await app.WithDb(async db =>
        {
            var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(40);
            var e = new Event { Title = "Civil society - Member States dialogue", Slug = "dialogue-test", LocalStart = start, LocalEnd = start.AddHours(2) };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        var c = await app.AddConsultation("public", x => (x.ResultsPublished, x.AnswersPublishable, x.EventId) = (true, true, ev.Id));
        var region = ConsultationsApp.Q(c, 0);
        var barriers = ConsultationsApp.Q(c, 2);
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 5; i++)
            {
                db.ConsultationResponses.Add(new Response
                {
                    ConsultationId = c.Id, Name = $"Org {i}", Country = i < 3 ? "KE" : "PE", State = ResponseState.Confirmed, Email = $"secret{i}@private.test",
                    RespondentName = $"Private Person {i}", AttributionConsent = false, Highlight = true,
                    Answers = [new Answer { QuestionId = region.Id, OptionId = ConsultationsApp.Option(region, i < 3 ? 0 : 1) }, new Answer { QuestionId = barriers.Id, Text = $"Barrier {i}" }],
                });
            }
            await db.SaveChangesAsync();
        });
        var client = app.CreatePlainClient();

        var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/consultations?lang=ar", UriKind.Relative))).RootElement;
        var item = list.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("slug").GetString() == "public");
        Assert.Equal("استشارة public", item.GetProperty("title").GetString());
        Assert.Equal((5, 2, "open"), (item.GetProperty("organisations").GetInt32(), item.GetProperty("countries").GetInt32(), item.GetProperty("status").GetString()));
        Assert.EndsWith("/ar/events/dialogue-test", item.GetProperty("event").GetString(), StringComparison.Ordinal);

        var one = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/consultations/public", UriKind.Relative))).RootElement;
        Assert.Equal(4, one.GetProperty("questions").GetArrayLength());
        var results = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/consultations/public/results", UriKind.Relative))).RootElement;
        var counts = results.GetProperty("questions")[0].GetProperty("counts").EnumerateArray()
            .ToDictionary(x => x.GetProperty("text").GetString()!, x => x.GetProperty("count").GetInt32());
        Assert.Equal(3, counts["Africa"]);
        Assert.Equal(2, counts["Asia"]);
        Assert.Equal(0, counts["Other"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/consultations/nothing-here/results", UriKind.Relative))).StatusCode);

        var feed = await client.GetStringAsync(new Uri("/en/consultations/feed.xml", UriKind.Relative));
        Assert.Contains("/en/consultations/public", feed, StringComparison.Ordinal);
        var sitemap = await client.GetStringAsync(new Uri("/sitemaps/consultations.xml", UriKind.Relative));
        Assert.Contains("/en/consultations/public/results", sitemap, StringComparison.Ordinal);
        var (_, eventPage) = await app.GetHtml("/en/events/dialogue-test");
        Assert.NotNull(eventPage.QuerySelector("aside.consultation-links a[href='/en/consultations/public']"));

        var (_, search) = await app.GetHtml("/en/search?q=matters&type=consultations");
        Assert.NotNull(search.QuerySelector("main a[href='/en/consultations/public']"));
        var resultsPage = await client.GetStringAsync(new Uri("/en/consultations/public/results", UriKind.Relative));
        Assert.Contains("Barrier 3", resultsPage, StringComparison.Ordinal);
        foreach (var text in new[] { list.ToString(), one.ToString(), results.ToString(), feed, sitemap, eventPage.DocumentElement.OuterHtml, resultsPage })
        {
            Assert.DoesNotContain("private.test", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Private Person", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Org 1", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_consultation_not_yet_open_is_nowhere_public()
    {
        await app.AddConsultation("future", x => (x.OpensAt, x.ClosesAt) = (app.Clock.GetUtcNow().UtcDateTime.AddDays(5), app.Clock.GetUtcNow().UtcDateTime.AddDays(9)));
        var client = app.CreatePlainClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/en/consultations/future", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/consultations/future", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("/consultations/future", await client.GetStringAsync(new Uri("/en/consultations", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Consultations.AnyAsync(x => x.Slug == "future")));
    }
}
