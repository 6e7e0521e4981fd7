using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Api;

/// <summary>The public API on an empty site: paging, what is public, errors, conditional GET, CORS, its description and reference page.</summary>
public sealed class ApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Walking_the_pages_visits_every_post_once_while_new_ones_are_published()
    {
        const string category = "Paging while publishing";
        // Some share an instant, so the id must break ties for the cursor to hold.
        var original = Enumerable.Range(0, 23).Select(i => Posts.Make($"Paged post {i}", Now.AddHours(-1 - (i / 3)))).ToArray();
        await app.AddInCategory(category, original);
        var expected = await app.WithDb(db => Task.FromResult(original.Select(p => p.Id).ToHashSet()));

        var visited = new List<int>();
        string? next = $"/api/v1/posts?category={Api.Slug(category)}&limit=5";
        for (var page = 0; next is not null; page++)
        {
            var json = await app.Json(next);
            visited.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            next = json.GetProperty("next").GetString();
            if (page < 2)
            {
                // Published between two page requests: newer than everything, so before the first page.
                await app.AddInCategory(category, Posts.Make($"Published during page {page} a", Now), Posts.Make($"Published during page {page} b", Now.AddSeconds(-1)));
            }
        }

        Assert.Equal(visited.Count, visited.Distinct().Count());
        Assert.Equal(expected.Order(), visited.Order());
        var (all, _) = await app.Walk($"/api/v1/posts?category={Api.Slug(category)}&limit=100");
        Assert.Equal(original.Length + 4, all.Count);
    }

    [Fact]
    public async Task Drafts_scheduled_binned_and_static_pages_never_appear()
    {
        const string category = "Visibility";
        var binned = Posts.Make("Visibility binned", Now.AddDays(-1));
        binned.DeletedAt = Now.AddHours(-1);
        await app.AddInCategory(category,
            Posts.Make("Visibility published", Now.AddDays(-2)),
            Posts.Make("Visibility draft", Now.AddDays(-2), PostStatus.Draft),
            Posts.Make("Visibility draft statement", Now.AddDays(-2), PostStatus.Draft, kind: PostKind.Statement),
            Posts.Make("Visibility scheduled", Now.AddHours(2), PostStatus.Scheduled),
            Posts.Make("Visibility page", Now.AddDays(-2), kind: PostKind.Page),
            binned);

        var (posts, _) = await app.Walk($"/api/v1/posts?category={Api.Slug(category)}");
        var (statements, _) = await app.Walk($"/api/v1/statements?category={Api.Slug(category)}");
        Assert.Equal(["Visibility published"], posts.Select(p => p.GetProperty("title").GetString()));
        Assert.Empty(statements);
        foreach (var slug in new[] { "visibility-draft", "visibility-scheduled", "visibility-page", "visibility-binned" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Get($"/api/v1/posts/{slug}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/v1/statements/visibility-draft-statement")).StatusCode);
        // A statement is not a post, nor a post a statement.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/v1/statements/visibility-published")).StatusCode);
    }

    [Fact]
    public async Task Posts_and_statements_come_in_the_language_asked_for_and_say_which()
    {
        var statement = Posts.Make("Statement on detention", Now.AddDays(-3), kind: PostKind.Statement);
        statement.Statement = new Chorus.Web.Features.Statements.StatementDetails
        {
            Type = Chorus.Web.Features.Statements.StatementType.Intervention, DeliveredOn = new DateOnly(2026, 3, 4), SpeakerName = "Amina Diallo",
            Venue = "Human Rights Council", Addressee = "The Council",
        };
        await app.AddInCategory("Languages", statement, Posts.Make("English only", Now.AddDays(-4)));
        await app.WithDb(async db =>
        {
            db.PostTranslations.Add(new PostTranslation
            {
                PostId = statement.Id, Culture = "fr", Title = "Déclaration sur la détention", BodyMarkdown = "Texte.", SourceHash = statement.ContentHash,
                State = TranslationState.Human, StatementVenue = "Conseil des droits de l'homme",
            });
            db.PostTranslations.Add(new PostTranslation
            {
                PostId = statement.Id, Culture = "es", Title = "Borrador automático", BodyMarkdown = "Texto.", SourceHash = statement.ContentHash,
                State = TranslationState.MachinePublished,
            });
            await db.SaveChangesAsync();
        });

        var fr = (await app.Json("/api/v1/statements?category=languages&lang=fr")).GetProperty("items")[0];
        Assert.Equal("Déclaration sur la détention", fr.GetProperty("title").GetString());
        Assert.Equal("fr", fr.GetProperty("language").GetString());
        Assert.Equal("Conseil des droits de l'homme", fr.GetProperty("statement").GetProperty("venue").GetString());
        Assert.Equal("Amina Diallo", fr.GetProperty("statement").GetProperty("speakerName").GetString());
        Assert.Equal("intervention", fr.GetProperty("statement").GetProperty("type").GetString());
        Assert.Equal("2026-03-04", fr.GetProperty("statement").GetProperty("deliveredOn").GetString());
        Assert.Equal("http://localhost/fr/news/statement-on-detention", fr.GetProperty("url").GetString());
        Assert.EndsWith("Z", fr.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);

        // A machine translation is never given as the text; the original is, and says so.
        var es = await app.Json("/api/v1/statements/statement-on-detention?lang=es");
        Assert.Equal("Statement on detention", es.GetProperty("title").GetString());
        Assert.Equal("en", es.GetProperty("language").GetString());
        Assert.Equal(["en", "fr"], es.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("<p>", es.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        var post = (await app.Json("/api/v1/posts?category=languages&lang=zh")).GetProperty("items")[0];
        Assert.Equal(("English only", "en"), (post.GetProperty("title").GetString(), post.GetProperty("language").GetString()));
        Assert.False(post.TryGetProperty("statement", out _));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "/api/v1/posts?cursor=not-a-cursor", "cursor" },
        { "/api/v1/posts?cursor=" + Uri.EscapeDataString(Convert.ToBase64String("7~yesterday"u8.ToArray())), "cursor" },
        { "/api/v1/organisations?cursor=%E2%9C%93", "cursor" },
        { "/api/v1/events?cursor=Zm9v", "cursor" },
        { "/api/v1/posts?lang=xx", "lang" },
        { "/api/v1/organisations/anything?lang=EN", "lang" },
        { "/api/v1/posts?since=yesterday", "since" },
        { "/api/v1/statements?until=2025-13-01", "until" },
        { "/api/v1/events?from=01/02/2025", "from" },
        { "/api/v1/series?to=2025-02-30", "to" },
        { "/api/v1/posts?limit=0", "limit" },
        { "/api/v1/campaigns?limit=101", "limit" },
        { "/api/v1/posts?limit=ten", "limit" },
        { "/api/v1/posts?limit=99999999999999999999", "limit" },
        { "/api/v1/posts?kind=statement", "kind" },
        { "/api/v1/posts?category=no-such-category", "category" },
        { "/api/v1/events?category=%00", "category" },
        { "/api/v1/organisations?country=ZZ", "country" },
        { "/api/v1/organisations?type=1", "type" },
        { "/api/v1/organisations?membership=boss", "membership" },
        { "/api/v1/campaigns?status=pending", "status" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(parameter, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/api/v1/posts?since=9999-12-31T23:59:59-05:00")]
    [InlineData("/api/v1/posts?until=0001-01-01T00:00:00%2B05:00")]
    [InlineData("/api/v1/events?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/posts?cursor=MC0w")]
    [InlineData("/api/v1/events?cursor=MH4w")]
    [InlineData("/api/v1/organisations?cursor=MX7Dv8O_8J-Ygg")]
    [InlineData("/api/v1/campaigns?cursor=MX45OTk5OTk5OTk5OTk5OTk5OTk5OTk5")]
    [InlineData("/api/v1/organisations?country=ke&type=TRADEUNION&lang=")]
    [InlineData("/api/v1/posts?kind=news,report")]
    [InlineData("/api/v1/posts/%E2%9C%93?lang=ar")]
    [InlineData("/api/v1/organisations/%01")]
    [InlineData("/api/v1/statements?category=" + "x%27%22%3B--")]
    [InlineData("/api/v1/posts?limit=%2B5")]
    [InlineData("/api/v1/posts?unknown=1&cursor=")]
    public async Task Odd_query_strings_are_answered_without_a_server_error(string url)
    {
        var response = await app.Get(url);
        Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{url}: {(int)response.StatusCode}");
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_directory_lists_public_fields_of_listed_organisations_only()
    {
        var merged = await app.WithDb(async db =>
        {
            var target = new Organisation { Name = "Api Kept Union", Slug = "api-kept-union", Country = "KE", Type = OrganisationType.TradeUnion,
                EmailDomains = ["kept-union.example"], Membership = Membership.Member, DescriptionMarkdown = "We organise **workers**." };
            var archived = new Organisation { Name = "Api Archived Union", Slug = "api-archived-union", Country = "KE", Type = OrganisationType.TradeUnion,
                ArchivedAt = Now.AddDays(-1) };
            db.Organisations.AddRange(target, archived, new Organisation { Name = "Api Other Ngo", Slug = "api-other-ngo", Country = "KE" });
            await db.SaveChangesAsync();
            var gone = new Organisation { Name = "Api Merged Union", Slug = "api-merged-union", Country = "KE", Type = OrganisationType.TradeUnion,
                ArchivedAt = Now.AddDays(-1), MergedIntoId = target.Id };
            db.Organisations.Add(gone);
            await db.SaveChangesAsync();
            return gone;
        });

        var (unions, _) = await app.Walk("/api/v1/organisations?country=KE&type=tradeUnion&lang=fr");
        var union = Assert.Single(unions);
        Assert.Equal(("api-kept-union", "Kenya", "tradeUnion", "member"), (union.GetProperty("slug").GetString(),
            union.GetProperty("countryName").GetString(), union.GetProperty("type").GetString(), union.GetProperty("membership").GetString()));
        Assert.DoesNotContain("kept-union.example", union.GetRawText(), StringComparison.Ordinal);

        var profile = await app.Json("/api/v1/organisations/api-kept-union");
        Assert.Contains("<strong>workers</strong>", profile.GetProperty("descriptionHtml").GetString(), StringComparison.Ordinal);
        Assert.False(profile.GetProperty("archived").GetBoolean());
        Assert.True((await app.Json("/api/v1/organisations/api-archived-union")).GetProperty("archived").GetBoolean());
        var moved = await app.Get($"/api/v1/organisations/{merged.Slug}?lang=es");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/api/v1/organisations/api-kept-union?lang=es", moved.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/v1/posts/no-such-post")]
    [InlineData("/api/v1/statements/no-such-statement")]
    [InlineData("/api/v1/events/no-such-event")]
    [InlineData("/api/v1/series/no-such-series")]
    [InlineData("/api/v1/organisations/no-such-organisation")]
    [InlineData("/api/v1/campaigns/no-such-campaign")]
    [InlineData("/api/v1/campaigns/no-such-campaign/signatories")]
    public async Task An_unknown_slug_is_a_404_problem(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_answer_is_a_304_and_every_read_may_come_from_any_origin()
    {
        await app.AddInCategory("Conditional", Posts.Make("Conditional API post", Now.AddHours(-3)));
        const string url = "/api/v1/posts?category=conditional";
        var first = await app.Get(url, r => r.Headers.Add("Origin", "https://member.example"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(first.Headers.Contains("Access-Control-Allow-Credentials"));
        var etag = first.Headers.ETag!;

        var again = await app.Get(url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        var other = await app.Get(url + "&lang=fr", r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        await app.AddInCategory("Conditional", Posts.Make("A newer conditional post", Now.AddMinutes(-1)));
        var changed = await app.Get(url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));
        var headResponse = await app.CreatePlainClient().SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal("*", headResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/events", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://member.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await app.CreatePlainClient().SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("if-none-match", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_weekly_series_gives_each_session_in_utc_with_its_zone_across_the_clock_change()
    {
        // 15:00 in Paris on four Tuesdays around the end of March 2027: CET (UTC+1) before the 28th, CEST (UTC+2) after.
        await app.WithDb(async db =>
        {
            var weekly = new Event
            {
                Title = "API weekly call", Slug = "api-weekly-call", Kind = EventKind.Series, TimeZone = "Europe/Paris",
                LocalStart = new DateTime(2027, 3, 16, 15, 0, 0), LocalEnd = new DateTime(2027, 3, 16, 16, 0, 0),
                Recurrence = new Recurrence { Frequency = RecurrenceFrequency.Weekly, ByDay = "TU", Count = 4 },
            };
            var single = new Event
            {
                Title = "API single event", Slug = "api-single-event", TimeZone = "America/New_York",
                LocalStart = new DateTime(2027, 1, 12, 9, 30, 0), LocalEnd = new DateTime(2027, 1, 12, 11, 0, 0),
            };
            EventSchedule.Schedule(weekly);
            EventSchedule.Schedule(single);
            db.Events.AddRange(weekly, single);
            await db.SaveChangesAsync();
        });

        var series = await app.Json("/api/v1/series/api-weekly-call");
        var sessions = series.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(["2027-03-16T14:00:00Z", "2027-03-23T14:00:00Z", "2027-03-30T13:00:00Z", "2027-04-06T13:00:00Z"],
            sessions.Select(s => s.GetProperty("startsAt").GetString()));
        Assert.All(sessions, s => Assert.Equal("Europe/Paris", s.GetProperty("timeZone").GetString()));
        Assert.All(sessions, s => Assert.EndsWith("T15:00:00", s.GetProperty("localStart").GetString(), StringComparison.Ordinal));
        Assert.Equal("Europe/Paris", series.GetProperty("timeZone").GetString());
        Assert.Equal("weekly", series.GetProperty("recurrence").GetProperty("frequency").GetString());
        Assert.Equal("FREQ=WEEKLY;BYDAY=TU;COUNT=4", series.GetProperty("recurrence").GetProperty("rrule").GetString());

        var single = await app.Json("/api/v1/events/api-single-event");
        var only = Assert.Single(single.GetProperty("occurrences").EnumerateArray());
        Assert.Equal(("2027-01-12T14:30:00Z", "2027-01-12T16:00:00Z"), (only.GetProperty("startsAt").GetString(), only.GetProperty("endsAt").GetString()));
        Assert.False(single.TryGetProperty("recurrence", out _));

        var (listedSeries, _) = await app.Walk("/api/v1/series?from=2027-01-01&to=2027-12-31");
        Assert.Equal(["api-weekly-call"], listedSeries.Select(e => e.GetProperty("slug").GetString()));
        var (events, _) = await app.Walk("/api/v1/events?from=2027-01-01&to=2027-12-31&limit=1");
        Assert.Equal(["api-single-event", "api-weekly-call"], events.Select(e => e.GetProperty("slug").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/v1/series/api-single-event")).StatusCode);
    }

    [Fact]
    public async Task A_campaign_counts_and_lists_its_published_endorsements_only()
    {
        var (campaignId, privateId) = await app.WithDb(async db =>
        {
            var org = new Organisation { Name = "Listed Endorser Network", Slug = "listed-endorser-network", Country = "KE", EmailDomains = ["endorser.example"] };
            var campaign = new Campaign { Slug = "api-campaign", Title = "API campaign", OpensAt = Now.AddDays(-5), ClosesAt = Now.AddDays(5) };
            var hidden = new Campaign { Slug = "api-private-list", Title = "Private list", OpensAt = Now.AddDays(-9), ClosesAt = Now.AddDays(-1), PublicList = false };
            db.AddRange(org, campaign, hidden);
            await db.SaveChangesAsync();
            Signature Sign(Campaign c, string name, SignatureState state, bool individual = false) => new()
            {
                CampaignId = c.Id, Name = name, State = state, IsIndividual = individual, Country = "GR", Type = individual ? null : OrganisationType.Ngo,
                Email = $"{Slugs(name)}@signers.example", SignatoryName = $"Signatory of {name}", Comment = $"Comment by {name}", Version = 1,
                CreatedAt = Now.AddDays(-2), ConfirmedAt = state == SignatureState.Unconfirmed ? null : Now.AddDays(-1),
            };
            db.Signatures.AddRange(
                Sign(campaign, "Zeta Refugee Aid", SignatureState.Published),
                Sign(campaign, "Alpha Migrant Centre", SignatureState.Published),
                Sign(campaign, "Maria Papadaki", SignatureState.Published, individual: true),
                Sign(campaign, "Unconfirmed Group", SignatureState.Unconfirmed),
                Sign(campaign, "Pending Group", SignatureState.Pending),
                Sign(campaign, "Rejected Group", SignatureState.Rejected),
                Sign(campaign, "Withdrawn Group", SignatureState.Withdrawn),
                Sign(hidden, "Quiet Group", SignatureState.Published));
            db.Signatures.Add(new Signature
            {
                CampaignId = campaign.Id, OrganisationId = org.Id, Name = org.Name, State = SignatureState.Published, Country = "KE",
                Type = OrganisationType.Network, Badge = Badge.Member, Email = "director@endorser.example", Version = 1, CreatedAt = Now.AddDays(-1),
            });
            await db.SaveChangesAsync();
            return (campaign.Id, hidden.Id);
        });

        var campaign = await app.Json("/api/v1/campaigns/api-campaign");
        Assert.Equal(4, campaign.GetProperty("count").GetInt32());
        Assert.Equal("open", campaign.GetProperty("status").GetString());
        var (signatories, pages) = await app.Walk(campaign.GetProperty("signatories").GetString()! + "&limit=3");
        Assert.Equal(2, pages);
        Assert.Equal(["Alpha Migrant Centre", "Listed Endorser Network", "Maria Papadaki", "Zeta Refugee Aid"],
            signatories.Select(s => s.GetProperty("name").GetString()));
        var member = signatories[1];
        Assert.Equal(("member", "network", "http://localhost/en/organizations/listed-endorser-network"),
            (member.GetProperty("badge").GetString(), member.GetProperty("type").GetString(), member.GetProperty("profile").GetString()));
        Assert.Equal("individual", signatories[2].GetProperty("kind").GetString());
        var everything = campaign.GetRawText() + string.Concat(signatories.Select(s => s.GetRawText()));
        Assert.DoesNotContain("@", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Signatory of", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment by", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("endorser.example", everything, StringComparison.Ordinal);

        var quiet = await app.Json("/api/v1/campaigns/api-private-list");
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("signatories").ValueKind);
        Assert.Equal(1, quiet.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/v1/campaigns/api-private-list/signatories")).StatusCode);

        var (open, _) = await app.Walk("/api/v1/campaigns?status=open");
        var (closed, _) = await app.Walk("/api/v1/campaigns?status=closed");
        Assert.Contains(open, c => c.GetProperty("id").GetInt32() == campaignId);
        Assert.DoesNotContain(open, c => c.GetProperty("id").GetInt32() == privateId);
        Assert.Contains(closed, c => c.GetProperty("id").GetInt32() == privateId);
        Assert.All(closed, c => Assert.Equal("closed", c.GetProperty("status").GetString()));
    }

    private static string Slugs(string name) => Chorus.Web.Infrastructure.Slugs.From(name);

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_and_nothing_else()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            // A group's "" route is written "/api/v1/posts/" and matches "/api/v1/posts", as the document names it.
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).ToHashSet();
        Assert.True(routes.Count >= 13, string.Join(", ", routes));

        var document = await app.Json("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(routes.Order(StringComparer.Ordinal), paths.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, item) in paths)
        {
            var get = item.GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
            var parameters = get.GetProperty("parameters").EnumerateArray().ToList();
            Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()), $"{path} {p}"));
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "lang");
            var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Superset(new HashSet<string> { "200", "304", "400", "429" }, responses.ToHashSet());
            Assert.Equal(path.Contains('{', StringComparison.Ordinal), responses.Contains("404"));
            Assert.Equal(path.Contains('{', StringComparison.Ordinal) && !path.EndsWith("signatories", StringComparison.Ordinal),
                !parameters.Any(p => p.GetProperty("name").GetString() == "cursor"));
        }
        Assert.Equal("integer", paths["/api/v1/posts"].GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_reference_page_lists_every_route_from_the_document()
    {
        var document = await app.Json("/openapi/v1.json");
        var (response, html) = await app.GetHtml("/en/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Public API", html.QuerySelector("h1")!.TextContent);
        var headings = html.QuerySelectorAll("h3 code").Select(c => c.TextContent).ToList();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            Assert.Contains($"GET {path.Name}", headings);
            Assert.Contains(path.Value.GetProperty("get").GetProperty("summary").GetString()!, html.Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.NotNull(html.QuerySelector("a[href='http://localhost/openapi/v1.json']"));
        Assert.Empty(html.QuerySelectorAll("script[src^='http'], link[href^='http'][rel=stylesheet]"));

        var (french, frenchHtml) = await app.GetHtml("/fr/api");
        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.Equal("API publique", frenchHtml.QuerySelector("h1")!.TextContent);
    }
}

/// <summary>The demo site through the API: nothing private anywhere, series with their sessions.</summary>
public sealed partial class DemoApiTests(DemoApiApp app) : IClassFixture<DemoApiApp>
{
    [Fact]
    public async Task No_answer_of_any_list_or_item_carries_an_email_address_or_private_field()
    {
        await app.WithDb(async db =>
        {
            var org = new Organisation { Name = "Known Private Domain Org", Slug = "known-private-domain-org", Country = "FR", EmailDomains = ["secret-domain.example"] };
            db.Organisations.Add(org);
            var campaign = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Campaigns, c => c.PublicList);
            db.Signatures.Add(new Signature
            {
                CampaignId = campaign.Id, Organisation = org, Name = org.Name, Country = "FR", State = SignatureState.Published, Version = 1,
                Email = "known.person@secret-domain.example", SignatoryName = "Known Secret Person", SignatoryRole = "Known secret role",
                Comment = "Known secret comment", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, ConfirmTokenHash = "f00d", ManageTokenHash = "beef",
            });
            await db.SaveChangesAsync();
        });

        var bodies = new List<string>();
        foreach (var lang in new[] { "en", "ar" })
        {
            foreach (var resource in new[] { "posts", "statements", "events", "series", "organisations", "campaigns" })
            {
                var (items, _) = await app.Walk($"/api/v1/{resource}?lang={lang}&limit=100");
                Assert.NotEmpty(items);
                bodies.AddRange(items.Select(i => i.GetRawText()));
                foreach (var item in items)
                {
                    var detail = await app.Json($"/api/v1/{resource}/{item.GetProperty("slug").GetString()}?lang={lang}");
                    bodies.Add(detail.GetRawText());
                    if (resource == "campaigns" && detail.GetProperty("signatories").GetString() is { } list)
                    {
                        bodies.AddRange((await app.Walk(list)).Items.Select(s => s.GetRawText()));
                    }
                }
            }
        }

        Assert.Contains(bodies, b => b.Contains("Known Private Domain Org", StringComparison.Ordinal));
        foreach (var body in bodies)
        {
            Assert.DoesNotMatch(Email(), body);
            foreach (var secret in new[] { "secret-domain", "Known Secret Person", "Known secret role", "Known secret comment", "f00d", "beef", "emailDomains" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_demo_series_give_each_session_and_the_monthly_call_crosses_the_clock_change()
    {
        var webinars = await app.Json("/api/v1/series/weekly-webinars-2021");
        Assert.Equal(["2021-11-16T14:00:00Z", "2021-11-23T14:00:00Z", "2021-11-30T14:00:00Z", "2021-12-07T14:00:00Z", "2021-12-14T14:00:00Z"],
            webinars.GetProperty("occurrences").EnumerateArray().Select(s => s.GetProperty("startsAt").GetString()));

        // The call is at 16:00 in Paris on the last Tuesday of each month: 15:00Z in winter, 14:00Z from April.
        var call = await app.Json("/api/v1/series/members-call");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var offsets = new HashSet<TimeSpan>();
        foreach (var session in call.GetProperty("occurrences").EnumerateArray())
        {
            var local = DateTime.Parse(session.GetProperty("localStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var utc = DateTime.Parse(session.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(16, local.Hour);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, paris), utc);
            offsets.Add(local - utc);
        }
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], offsets.Order());
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}

/// <summary>One address, three requests a minute: the fourth is refused, cached answer or not.</summary>
public sealed class ApiRateLimitTests(LimitedApiApp app) : IClassFixture<LimitedApiApp>
{
    [Fact]
    public async Task Past_the_limit_an_address_gets_429_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Get("/api/v1/organisations")).StatusCode);
        }
        var refused = await app.Get("/api/v1/organisations");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        // The site's pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await app.Get("/en/api")).StatusCode);
    }
}
