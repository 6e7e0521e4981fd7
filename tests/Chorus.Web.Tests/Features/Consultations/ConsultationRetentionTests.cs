using Chorus.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>Respondents' contact data is erased the consultation's retention period after it closes; unsent answers then go.</summary>
public sealed class ConsultationRetentionTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task Contact_data_is_erased_n_days_after_closing_and_the_answers_stay()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var c = await app.AddConsultation("retention", x => (x.OpensAt, x.ClosesAt, x.EraseContactAfterDays) = (now.AddDays(-40), now.AddDays(-10), 7));
        var kept = await app.AddConsultation("retention-kept", x => (x.OpensAt, x.ClosesAt, x.EraseContactAfterDays) = (now.AddDays(-40), now.AddDays(-10), 30));
        var barriers = ConsultationsApp.Q(c, 2);
        await app.WithDb(async db =>
        {
            db.ConsultationResponses.AddRange(
                new Response
                {
                    ConsultationId = c.Id, Name = "Erased Org", State = ResponseState.Confirmed, Email = "erase@retention.test", RespondentName = "Erased Person", Role = "Chair",
                    Answers = [new Answer { QuestionId = barriers.Id, Text = "Kept answer" }],
                },
                new Response { ConsultationId = c.Id, Name = "Draft Org", State = ResponseState.Draft, Email = "draft@retention.test" },
                // Kept but not counted: their contact data goes all the same.
                new Response { ConsultationId = c.Id, Name = "Set Aside Org", State = ResponseState.SetAside, Email = "aside@retention.test", RespondentName = "Aside" },
                new Response { ConsultationId = c.Id, Name = "Erased Org", State = ResponseState.Duplicate, Email = "second@retention.test", RespondentName = "Second" },
                new Response { ConsultationId = kept.Id, Name = "Kept Org", State = ResponseState.Confirmed, Email = "kept@retention.test" });
            await db.SaveChangesAsync();
        });

        var (erased, deleted) = await app.WithDb(db => ConsultationRetention.RunAsync(db, now, CancellationToken.None));

        Assert.Equal((3, 1), (erased, deleted));
        var after = await app.WithDb(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.Consultation.Slug.StartsWith("retention")).ToListAsync());
        var confirmed = after.Single(r => r.Name == "Erased Org" && r.State == ResponseState.Confirmed);
        Assert.All(after.Where(r => r.ConsultationId == c.Id), r => Assert.Equal((null, null), (r.Email, r.RespondentName)));
        Assert.Equal((null, null, null), (confirmed.Email, confirmed.RespondentName, confirmed.Role));
        Assert.Equal("Kept answer", Assert.Single(confirmed.Answers).Text);
        Assert.DoesNotContain(after, r => r.Name == "Draft Org");
        Assert.Equal("kept@retention.test", after.Single(r => r.Name == "Kept Org").Email);
    }
}
