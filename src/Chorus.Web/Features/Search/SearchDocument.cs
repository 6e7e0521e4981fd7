using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Search;

internal enum SearchKind { News, Statement, Page, Event, Campaign, Organisation, Consultation }

/// <summary>
/// One public text of one item in one language, as the full-text index sees it. Written by
/// <see cref="SearchIndexer"/> in the same save as the item; the provider's index over it (SQLite FTS5,
/// PostgreSQL tsvector + GIN) is created by the migrations and kept current by the database itself. Shown publicly
/// (on the cached results pages), so writing one evicts the page cache like any content.
/// </summary>
internal sealed class SearchDocument
{
    public int Id { get; set; }
    public SearchKind Kind { get; set; }

    /// <summary>The language <see cref="Title"/> and <see cref="Body"/> are written in.</summary>
    public required string Culture { get; set; }

    /// <summary>The item's address after the culture segment, e.g. "/news/a-slug"; one item, one path.</summary>
    public required string Path { get; set; }

    /// <summary>Publication date, event start or campaign opening; none for organisations.</summary>
    public DateTime? Date { get; set; }

    /// <summary>The instant the item becomes public (a scheduled post, a campaign that opens later).</summary>
    public DateTime? VisibleFrom { get; set; }

    /// <summary>
    /// Words the index filters by, matched only in this column: "k" + kind, "l" + the text's language, and "n" + each
    /// reader language this text is not the one shown in (so a search lists every item once, in the reader's language,
    /// without comparing rows). For example "knews len nfr nes" for an English original with French and Spanish translations.
    /// </summary>
    public string Facets { get; set; } = "";

    public int? PostId { get; set; }
    public Post? Post { get; set; }
    public int? EventId { get; set; }
    public Event? Event { get; set; }
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Indexed text (see <see cref="SearchText.ForIndex"/>); shown through <see cref="SearchText.ForDisplay"/>.</summary>
    /// <remarks>Last, so that SQLite reads the short columns the filters use without following a long body's overflow pages.</remarks>
    public required string Title { get; set; }
    public required string Body { get; set; }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public const string Table = "SearchDocuments";

    public void Configure(EntityTypeBuilder<SearchDocument> document)
    {
        document.ToTable(Table);
        document.Property(d => d.Culture).HasMaxLength(16);
        document.Property(d => d.Title).HasMaxLength(1000);
        document.Property(d => d.Path).HasMaxLength(400);
        document.Property(d => d.Facets).HasMaxLength(200);
        // Searches exclude items not yet public and narrow by date through these, without reading documents.
        document.HasIndex(d => d.VisibleFrom);
        document.HasIndex(d => d.Date);
        document.HasOne(d => d.Post).WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
