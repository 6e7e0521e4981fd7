using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Api;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Feeds;
using Chorus.Web.Features.Localization;
using Chorus.Web.Features.Media;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Features.Redirects;
using Chorus.Web.Features.Search;
using Chorus.Web.Features.Seo;
using Chorus.Web.Features.Site;
using Chorus.Web.Features.WordPress;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;

var builder = WebApplication.CreateBuilder(args);

// Site-wide plumbing: database, culture-prefixed Razor Pages, output cache and compression.
builder.AddData();
builder.AddNodes();
builder.AddSite();
builder.AddPublicPages();
builder.AddPublicForms();
builder.AddEmail();
builder.AddAccounts();
builder.AddAudit();
builder.AddAdmin();
builder.AddMedia();
builder.AddSiteLook();
builder.AddContent();
builder.AddOrganisations();
builder.AddEvents();
builder.AddCampaigns();
builder.AddConsultations();
builder.AddNewsletter();
builder.AddRedirects();
builder.AddWordPressImport();
builder.AddNewsletterIssues();
builder.AddApi();
builder.AddMachineTranslation();
builder.AddSearch();
builder.AddBenchData();
builder.AddServerTiming();

var app = builder.Build();
app.ValidateSettings();

// `dotnet run -- migrate` and other commands run here and exit without serving.
if (await app.RunCommandAsync(args))
{
    return;
}

// The database is made ready while the pipeline is built: on two cores each is about half a second of a start.
var prepared = Task.Run(() => app.PrepareDatabaseAsync(then: async () =>
{
    await app.PrepareAccountsAsync();
    await app.PrepareSearchAsync();
}));

app.UseSite();
app.MapSite();
app.MapSiteLook();
app.MapCultures();
app.MapOrganisations();
app.MapEvents();
app.MapCampaigns();
app.MapNewsletter();
app.MapFeeds();
app.MapApi();
app.MapNewsletterIssues();
app.MapSitemaps();
app.MapHealth();

await Task.WhenAll(prepared, Task.Run(app.BuildEndpoints));
await app.RunAsync();

/// <summary>Entry point, public so the test host can start the app.</summary>
public partial class Program;
