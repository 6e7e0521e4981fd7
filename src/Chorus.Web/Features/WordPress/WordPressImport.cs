using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Media;
using Chorus.Web.Features.Redirects;
using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.WordPress;

/// <summary>What the admin chose for an import.</summary>
/// <param name="Uploads">The old site's wp-content/uploads folder, where attachments' files are looked for.</param>
/// <param name="StatementsCategory">Posts in this category (by slug), or in one under it, become statements.</param>
/// <param name="TagsAsCategories">Tags become categories of their own instead of the post's tag list.</param>
internal sealed record WordPressImportOptions(string? Uploads, string? StatementsCategory, bool TagsAsCategories, string ImportedBy);

/// <summary>
/// Writes a WordPress export into the site: attachments through the media library, posts and pages as posts (WPML and
/// Polylang translation groups as one post with its translations), categories, tags, and every old address of each item
/// as an <see cref="OldAddress"/>. Each item is saved in a transaction of its own (a failure halfway leaves whole items
/// only), and <see cref="ImportedItem"/> rows make a second import of the same export update instead of adding twice.
/// The export is read three times as a stream (attachments and the plan of every item's new address, then the items,
/// then their translations): memory holds the plan, never the file.
/// </summary>
internal sealed partial class WordPressImport(ChorusDb db, MediaStore media, TimeProvider clock, IOptions<SiteOptions> site)
{
    private readonly WordPressImportResult _result = new();
    private readonly Dictionary<int, Planned> _plan = [];
    private readonly Dictionary<string, string> _newAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ImportedImage> _images = [];
    private readonly Dictionary<int, int> _mediaIds = [];
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    // Every old address already here, by its key: where it leads and whether an import made it (staff's are never changed).
    // Only the two values, not the rows: an export of 10,000 posts has some 60,000.
    private Dictionary<string, (string To, bool Imported)> _oldAddresses = new(StringComparer.Ordinal);
    private Dictionary<int, int> _imported = [];
    private HashSet<string> _oldHosts = new(StringComparer.OrdinalIgnoreCase);
    private string _source = "";

    /// <summary>What <see cref="ImportedItem.Source"/> says for items of the site at <paramref name="baseUrl"/>.</summary>
    public static string SourceOf(string baseUrl) => $"wordpress:{baseUrl.TrimEnd('/')}";

    /// <summary>One post or page of the export and where it will live.</summary>
    private sealed record Planned(int Id, bool Page, string Culture, string Slug, string Path, int? MainId, string Link, DateTime? Date, string OldSlug, string Title);

    public async Task<WordPressImportResult> RunAsync(Func<Stream> open, WordPressImportOptions options, Func<int, Task>? progress, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return await ImportAsync(open, options, progress, ct);
        }
        // One transaction per item, and on SQLite each commit waited for the disk (synchronous=FULL): 10,000 posts spent a
        // third of their time in fsync. For the import's own connection, WAL's NORMAL level: a crash of the app still
        // loses nothing committed and never leaves an item half-written; a power cut may lose the last few items, which
        // running the import again brings back (it matches what it already wrote). Set back before the connection is shared.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
            var result = await ImportAsync(open, options, progress, ct);
            // On disk before the report says so: a checkpoint syncs the log and the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);", ct);
            return result;
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<WordPressImportResult> ImportAsync(Func<Stream> open, WordPressImportOptions options, Func<int, Task>? progress, CancellationToken ct)
    {
        await PlanAsync(open, options, ct);
        await RememberFeedsAsync(ct);
        var done = 0;
        foreach (var pass in new[] { false, true })
        {
            await using var stream = open();
            var wxr = new Wxr(stream);
            foreach (var item in wxr.Items())
            {
                if (!_plan.TryGetValue(item.Id, out var planned) || (planned.MainId is not null) != pass || item.Type is not ("post" or "page"))
                {
                    continue;
                }
                if (pass)
                {
                    await SaveTranslationAsync(item, planned, ct);
                }
                else
                {
                    await SavePostAsync(wxr, item, planned, options, ct);
                }
                db.ChangeTracker.Clear();
                if (progress is not null)
                {
                    await progress(++done);
                }
            }
        }
        _result.Redirects = await db.OldAddresses.CountAsync(a => a.Source == "wordpress", ct);
        return _result;
    }

    /// <summary>First pass: attachments into the media library, and every post's and page's new address decided.</summary>
    private async Task PlanAsync(Func<Stream> open, WordPressImportOptions options, CancellationToken ct)
    {
        var cultures = site.Value.Cultures;
        var groups = new Dictionary<string, List<Planned>>(StringComparer.Ordinal);
        var slugsTaken = new HashSet<string>(StringComparer.Ordinal);
        await using (var stream = open())
        {
            var wxr = new Wxr(stream);
            foreach (var item in wxr.Items())
            {
                if (_source.Length == 0)
                {
                    var baseUrl = (wxr.Site?.BaseUrl ?? "").TrimEnd('/');
                    _source = SourceOf(baseUrl);
                    _oldHosts = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? [uri.Host, uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : "www." + uri.Host] : [];
                    _imported = await db.ImportedItems.AsNoTracking().Where(i => i.Source == _source).ToDictionaryAsync(i => i.ExternalId, i => i.LocalId, ct);
                    _oldAddresses = await db.OldAddresses.AsNoTracking().Select(a => new { a.From, a.To, a.Source })
                        .ToDictionaryAsync(a => a.From, a => (a.To, a.Source == "wordpress"), StringComparer.Ordinal, ct);
                }
                switch (item.Type)
                {
                    case "attachment":
                        await ImportAttachmentAsync(item, options, ct);
                        db.ChangeTracker.Clear();
                        break;
                    case "post" or "page" when item.Status is "publish" or "future" or "draft" or "pending" or "private" or "trash":
                        _result.Comments += item.Comments;
                        var language = WordPressReport.LanguageOf(item) is { } l ? Normalise(l) : cultures[0];
                        if (!cultures.Contains(language))
                        {
                            _result.OtherLanguages.Add($"{Plain(item.Title)} ({language})");
                            break;
                        }
                        var group = item.Meta.GetValueOrDefault("_icl_trid") is { Length: > 0 } trid ? $"wpml:{trid}"
                            : item.Terms.FirstOrDefault(t => t.Taxonomy == "post_translations").Slug is { Length: > 0 } pll ? $"pll:{pll}" : $"item:{item.Id}";
                        // WordPress renames a trashed item's slug "x__trashed"; its address was "x".
                        var oldSlug = Uri.UnescapeDataString(item.Slug) is var decoded && decoded.EndsWith("__trashed", StringComparison.Ordinal) ? decoded[..^9] : decoded;
                        var entry = new Planned(item.Id, item.Type == "page", language, "", "", null, item.Link, item.PublishedUtc, oldSlug, Plain(item.Title));
                        (groups.TryGetValue(group, out var members) ? members : groups[group] = []).Add(entry);
                        break;
                    case "post" or "page":
                        _result.Skipped.Add($"{Plain(item.Title)}: WordPress status \"{item.Status}\"");
                        break;
                }
            }
        }
        foreach (var members in groups.Values)
        {
            // The original is the one in the site's first language, else the earliest: the others are its translations.
            var main = members.Find(m => m.Culture == cultures[0]) ?? members.OrderBy(m => m.Date ?? DateTime.MaxValue).ThenBy(m => m.Id).First();
            var slug = await SlugAsync(main, slugsTaken, ct);
            foreach (var member in members)
            {
                if (member != main && (member.Culture == main.Culture || members.Any(m => m != member && m != main && m.Culture == member.Culture && m.Id < member.Id)))
                {
                    _result.Skipped.Add($"Item {member.Id}: a second {member.Culture} version in one translation group");
                    continue;
                }
                var path = main.Page ? PostQueries.PagePath(member.Culture, slug) : PostQueries.NewsPath(member.Culture, slug);
                var planned = member with { Slug = slug, Path = path, MainId = member == main ? null : main.Id };
                _plan[member.Id] = planned;
                foreach (var key in OldKeys(planned))
                {
                    _newAddress.TryAdd(key, path);
                }
            }
        }
    }

    /// <summary>The old site's feed (/feed/, and /fr/feed/ for each language it had) to the news feed in that language.</summary>
    private async Task RememberFeedsAsync(CancellationToken ct)
    {
        var first = site.Value.Cultures[0];
        await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            _pending.Clear();
            await RememberAsync(["/feed"], $"/{first}/feed.xml", token);
            foreach (var culture in _plan.Values.Select(p => p.Culture).Distinct().Where(c => c != first))
            {
                await RememberAsync([$"/{culture}/feed"], $"/{culture}/feed.xml", token);
            }
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        Committed();
        db.ChangeTracker.Clear();
    }

    private async Task<string> SlugAsync(Planned main, HashSet<string> taken, CancellationToken ct)
    {
        if (_imported.TryGetValue(main.Id, out var postId) && await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.Slug).SingleOrDefaultAsync(ct) is { } kept)
        {
            taken.Add(kept);
            return kept;
        }
        // A draft WordPress never gave an address gets one from its title, as a new post here would.
        var wanted = Slugs.From(main.OldSlug.Length > 0 ? main.OldSlug : main.Title);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug) || await db.Posts.AnyAsync(p => p.Slug == slug, ct); n++)
        {
            slug = $"{wanted}-{n}";
        }
        taken.Add(slug);
        return slug;
    }

    /// <summary>Every address the old site answered for an item: its permalink, ?p= / ?page_id=, and the date and bare-slug forms WordPress redirects.</summary>
    private static IEnumerable<string> OldKeys(Planned item)
    {
        var keys = new List<string?> { OldAddresses.KeyOf(item.Link), $"/?p={item.Id}" };
        if (item.Page)
        {
            keys.Add($"/?page_id={item.Id}");
        }
        if (item.OldSlug.Length > 0)
        {
            var slug = item.OldSlug.ToLowerInvariant();
            var prefix = item.MainId is null ? "" : $"/{item.Culture}";
            keys.Add($"{prefix}/{slug}");
            if (!item.Page && item.Date is { } d)
            {
                keys.Add($"{prefix}/{d:yyyy}/{d:MM}/{d:dd}/{slug}");
                keys.Add($"{prefix}/{d:yyyy}/{d:MM}/{slug}");
            }
        }
        return keys.OfType<string>().Where(k => k.Length > 1).Distinct(StringComparer.Ordinal);
    }

    private async Task ImportAttachmentAsync(WxrItem item, WordPressImportOptions options, CancellationToken ct)
    {
        var file = item.Meta.GetValueOrDefault("_wp_attached_file") ?? "";
        var alt = item.Meta.GetValueOrDefault("_wp_attachment_image_alt")?.Trim() ?? "";
        var path = options.Uploads is null || file.Length == 0 ? null : WordPressReport.UploadedFile(options.Uploads, file);
        var known = _imported.TryGetValue(item.Id, out var existing) && await db.Media.AnyAsync(m => m.Id == existing, ct);
        if (!known)
        {
            if (options.Uploads is not null && file.Length > 0 && path is null)
            {
                _result.MediaRefused.Add(file);
                return;
            }
            if (path is null || !File.Exists(path))
            {
                _result.MediaMissing.Add(file.Length > 0 ? file : item.AttachmentUrl ?? $"attachment {item.Id}");
                return;
            }
        }
        string? problem = null;
        // One transaction for the item, its bookkeeping row and its old addresses.
        var (stored, added) = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            _pending.Clear();
            var stored = known ? await db.Media.SingleAsync(m => m.Id == existing, token) : null;
            var added = false;
            if (stored is null)
            {
                await using var content = File.OpenRead(path!);
                var (saved, refused) = await media.SaveAsync(content, db, token);
                if (saved is null)
                {
                    problem = refused;
                    return ((MediaItem?)null, false);
                }
                stored = await db.Media.FirstOrDefaultAsync(m => m.Hash == saved.Hash, token) ?? db.Media.Add(new MediaItem
                {
                    Kind = saved.Kind, Hash = saved.Hash, Widths = [.. saved.Widths], Bytes = saved.Bytes, Height = saved.Height, Format = saved.Format,
                    OriginalName = Path.GetFileName(file) is { Length: > 0 and <= 255 } name ? name : "upload", AltText = alt,
                    UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = options.ImportedBy,
                }).Entity;
                await db.SaveChangesAsync(token);
                db.ImportedItems.Add(new ImportedItem { Source = _source, ExternalId = item.Id, Kind = "media", LocalId = stored.Id, ImportedAt = clock.GetUtcNow().UtcDateTime });
                added = true;
            }
            else if (alt.Length > 0 && stored.AltText.Length == 0)
            {
                stored.AltText = alt;
            }
            await RememberAsync(UploadKeys(item, file), stored.Url(), token);
            await db.SaveChangesAsync(token);
            return ((MediaItem?)stored, added);
        }, ct);
        if (stored is null)
        {
            _result.MediaRefused.Add($"{file}: {problem}");
            return;
        }
        Committed();
        _imported[item.Id] = stored.Id;
        (_result.MediaAdded, _result.MediaKept) = added ? (_result.MediaAdded + 1, _result.MediaKept) : (_result.MediaAdded, _result.MediaKept + 1);
        var url = stored.Url();
        _mediaIds[item.Id] = stored.Id;
        _images[item.Id] = new ImportedImage(url, stored.AltText);
        foreach (var key in UploadKeys(item, file))
        {
            _newAddress[key] = url;
        }
    }

    private static IEnumerable<string> UploadKeys(WxrItem item, string file) => new[]
    {
        item.AttachmentUrl is { } address ? OldAddresses.KeyOf(address) : null,
        file.Length > 0 ? OldAddresses.KeyOf($"/wp-content/uploads/{file}") : null,
        OldAddresses.KeyOf(item.Link),
    }.OfType<string>().Distinct(StringComparer.Ordinal);

    private async Task SavePostAsync(Wxr wxr, WxrItem item, Planned planned, WordPressImportOptions options, CancellationToken ct)
    {
        // Categories first, each saved on its own (shared by many posts); the rest is the item's one transaction.
        var wanted = new HashSet<int>();
        foreach (var (taxonomy, slug, name) in item.Terms.Where(t => t.Taxonomy == "category" || (options.TagsAsCategories && t.Taxonomy == "post_tag")))
        {
            wanted.Add(await CategoryAsync(slug, name, taxonomy, ct));
        }
        var body = WordPressContent.ToMarkdown(item.Content, Rewrite, _images);
        var statement = !planned.Page && IsStatement(wxr, item, options.StatementsCategory);
        var author = wxr.Authors.Find(a => a.Login == item.Author) is { } a && a.DisplayName.Length > 0 ? a.DisplayName : item.Author;
        var tags = item.Terms.Where(t => t.Taxonomy == "post_tag").Select(t => (Slug: t.Slug, Name: t.Name.Trim())).Where(t => t.Name.Length is > 0 and <= 100).ToList();
        var (added, changed) = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            _pending.Clear();
            var post = _imported.TryGetValue(item.Id, out var existing)
                ? await db.Posts.Include(p => p.Categories).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == existing, token) : null;
            var now = clock.GetUtcNow().UtcDateTime;
            var added = post is null;
            post ??= db.Posts.Add(new Post { Title = "", Slug = planned.Slug, BodyMarkdown = "", CreatedAt = now, UpdatedAt = now }).Entity;
            post.Title = Title(item);
            post.Summary = Plain(item.Excerpt) is { Length: > 0 } summary ? summary : null;
            post.BodyMarkdown = body;
            post.Kind = planned.Page ? PostKind.Page : statement ? PostKind.Statement : post.Kind == PostKind.Statement ? PostKind.News : post.Kind;
            (post.Status, post.PublishedAt) = item.Status switch
            {
                "publish" => (PostStatus.Published, item.PublishedUtc ?? now),
                "future" => (PostStatus.Scheduled, item.PublishedUtc ?? now),
                _ => (PostStatus.Draft, item.PublishedUtc),
            };
            post.DeletedAt = item.Status == "trash" ? post.DeletedAt ?? now : null;
            post.Culture = planned.Culture;
            post.AuthorName = author;
            post.ImageId = item.Meta.GetValueOrDefault("_thumbnail_id") is { } thumb && int.TryParse(thumb, out var thumbId) && _mediaIds.TryGetValue(thumbId, out var mediaId)
                ? mediaId : post.ImageId;
            if (statement && post.Statement is null)
            {
                // Speaker and venue are not in a WordPress post: the secretariat fills them in later.
                post.Statement = new StatementDetails { Type = StatementType.Statement, DeliveredOn = DateOnly.FromDateTime(item.PublishedUtc ?? now) };
            }
            if (!options.TagsAsCategories)
            {
                post.Tags = [.. tags.Select(t => t.Name)];
                foreach (var (tagSlug, name) in tags)
                {
                    // No tag pages here: a tag's old page leads to a search for it.
                    await RememberAsync([$"/tag/{tagSlug.ToLowerInvariant()}"], $"/{site.Value.Cultures[0]}/search?q={Uri.EscapeDataString(name)}", token);
                }
            }
            post.Categories.RemoveAll(c => !wanted.Contains(c.Id));
            foreach (var id in wanted.Where(id => post.Categories.All(c => c.Id != id)))
            {
                post.Categories.Add(await db.Categories.SingleAsync(c => c.Id == id, token));
            }
            post.Render();
            var changed = db.ChangeTracker.HasChanges();
            if (changed && !added)
            {
                post.UpdatedAt = now;
            }
            if (item.Status is "publish" or "future")
            {
                // Only what readers could reach: a draft's or a trashed post's old address leads nowhere, as it did.
                await RememberAsync(OldKeys(planned), planned.Path, token);
            }
            await db.SaveChangesAsync(token);
            if (added)
            {
                db.ImportedItems.Add(new ImportedItem { Source = _source, ExternalId = item.Id, Kind = "post", LocalId = post.Id, ImportedAt = now });
                await db.SaveChangesAsync(token);
                _imported[item.Id] = post.Id;
            }
            return (added, changed);
        }, ct);
        Committed();
        Count(added, changed);
    }

    /// <summary>A WPML or Polylang translation: a human translation of the post its group's original became.</summary>
    private async Task SaveTranslationAsync(WxrItem item, Planned planned, CancellationToken ct)
    {
        if (!_imported.TryGetValue(planned.MainId!.Value, out var postId))
        {
            return;
        }
        var body = WordPressContent.ToMarkdown(item.Content, Rewrite, _images);
        var outcome = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            _pending.Clear();
            if (await db.Posts.Include(p => p.Translations).SingleOrDefaultAsync(p => p.Id == postId, token) is not { } post)
            {
                return ((bool Added, bool Changed)?)null;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var translation = post.Translations.Find(t => t.Culture == planned.Culture);
            var added = translation is null;
            if (translation is null)
            {
                translation = new PostTranslation { Culture = planned.Culture, Title = "", BodyMarkdown = "", SourceHash = "", UpdatedAt = now };
                post.Translations.Add(translation);
                db.ImportedItems.Add(new ImportedItem { Source = _source, ExternalId = item.Id, Kind = "post", LocalId = post.Id, ImportedAt = now });
            }
            translation.Title = Title(item);
            translation.Summary = Plain(item.Excerpt) is { Length: > 0 } summary ? summary : null;
            translation.BodyMarkdown = body;
            translation.State = TranslationState.Human;
            translation.SourceHash = post.ContentHash;
            PostTexts.Render(translation);
            var changed = db.ChangeTracker.HasChanges();
            if (changed)
            {
                translation.UpdatedAt = now;
            }
            if (item.Status is "publish" or "future")
            {
                // Only what readers could reach: a draft's or a trashed post's old address leads nowhere, as it did.
                await RememberAsync(OldKeys(planned), planned.Path, token);
            }
            await db.SaveChangesAsync(token);
            return (added, changed);
        }, ct);
        if (outcome is var (wasAdded, wasChanged))
        {
            Committed();
            Count(wasAdded, wasChanged);
        }
    }

    private void Count(bool added, bool changed)
    {
        if (added)
        {
            _result.Added++;
        }
        else if (changed)
        {
            _result.Updated++;
        }
        else
        {
            _result.Unchanged++;
        }
    }

    private static bool IsStatement(Wxr wxr, WxrItem item, string? statements)
    {
        if (statements is not { Length: > 0 })
        {
            return false;
        }
        foreach (var (taxonomy, slug, _) in item.Terms.Where(t => t.Taxonomy == "category"))
        {
            // The category or any above it: "Statements to the UN" under "Statements" counts.
            for (var (at, depth) = (slug, 0); at is { Length: > 0 } && depth < 20; depth++)
            {
                if (string.Equals(at, statements, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
                at = wxr.Terms.Find(t => t.Taxonomy == taxonomy && t.Slug == at)?.Parent;
            }
        }
        return false;
    }

    private async Task<int> CategoryAsync(string oldSlug, string name, string taxonomy, CancellationToken ct)
    {
        var slug = Slugs.From(Uri.UnescapeDataString(oldSlug)) is { Length: > 0 } s ? s : Slugs.From(name);
        if (_categoryIds.TryGetValue(slug, out var id))
        {
            return id;
        }
        id = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            _pending.Clear();
            var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == slug, token)
                ?? db.Categories.Add(new Category { Name = WebUtility.HtmlDecode(name).Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 100)] : slug, Slug = slug }).Entity;
            var path = $"/{site.Value.Cultures[0]}/category/{Uri.EscapeDataString(slug)}";
            var oldPath = taxonomy == "post_tag" ? $"/tag/{oldSlug.ToLowerInvariant()}" : $"/category/{oldSlug.ToLowerInvariant()}";
            await RememberAsync([oldPath], path, token);
            await RememberAsync([$"{oldPath}/feed"], $"{path}/feed.xml", token);
            await db.SaveChangesAsync(token);
            return category.Id;
        }, ct);
        Committed();
        db.ChangeTracker.Clear();
        return _categoryIds[slug] = id;
    }

    // Old addresses added by the transaction under way: known to the import once it commits (a retried transaction adds them again).
    private readonly List<OldAddress> _pending = [];

    private void Committed()
    {
        foreach (var address in _pending)
        {
            _oldAddresses[address.From] = (address.To, true);
        }
        _pending.Clear();
    }

    /// <summary>Adds (or points anew) the old addresses of an item; addresses staff wrote by hand are never changed.</summary>
    private async Task RememberAsync(IEnumerable<string> keys, string to, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            if (_pending.Exists(a => a.From == key))
            {
                continue;
            }
            if (_oldAddresses.TryGetValue(key, out var known))
            {
                if (known.Imported && known.To != to && await db.OldAddresses.SingleOrDefaultAsync(a => a.From == key, ct) is { } row)
                {
                    // Through the change tracker: the saved change evicts the in-memory map on every node.
                    row.To = to;
                    _pending.Add(row);
                }
                continue;
            }
            var address = new OldAddress { From = key, To = to, Source = "wordpress", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.OldAddresses.Add(address);
            _pending.Add(address);
        }
    }

    /// <summary>An address in imported content: the old site's own (a post, a page, an uploaded file) to its new place here.</summary>
    private string Rewrite(string address)
    {
        var absolute = Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        if (absolute && !_oldHosts.Contains(uri!.Host))
        {
            return address;
        }
        if (!absolute && !address.StartsWith('/'))
        {
            return address;
        }
        var fragment = address.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? address[hash..] : "";
        var key = OldAddresses.KeyOf(fragment.Length > 0 ? address[..address.IndexOf('#', StringComparison.Ordinal)] : address);
        if (key is null)
        {
            return address;
        }
        if (_newAddress.TryGetValue(key, out var found) || _newAddress.TryGetValue(SizedCopy().Replace(key, "$1$2"), out found))
        {
            return found + fragment;
        }
        // Somewhere else on the old site: kept as a path here, so an old address added later leads on from it.
        return absolute ? uri!.PathAndQuery + fragment : address;
    }

    private static string Title(WxrItem item) => Plain(item.Title) is { Length: > 0 } title ? title[..Math.Min(title.Length, 300)] : $"Untitled ({item.Id})";

    private static readonly HtmlParser Parser = new();

    /// <summary>Text without markup: tags dropped (a script's content with them), entities decoded, white space collapsed.</summary>
    private static string Plain(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return Spaces().Replace(html, " ").Trim();
        }
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        foreach (var element in body.QuerySelectorAll("script, style, template").ToList())
        {
            element.Remove();
        }
        return Spaces().Replace(body.TextContent, " ").Trim();
    }

    private static string Normalise(string language) => language.Split('-', '_')[0].ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // WordPress's resized copies: march-1024x683.jpg is march.jpg.
    [GeneratedRegex(@"^(.*)-\d+x\d+(\.[a-z0-9]+)$")]
    private static partial Regex SizedCopy();
}

/// <summary>What an import did, for the person who ran it.</summary>
internal sealed class WordPressImportResult
{
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int MediaAdded { get; set; }
    public int MediaKept { get; set; }
    public int Redirects { get; set; }
    public int Comments { get; set; }
    public List<string> MediaMissing { get; init; } = [];
    public List<string> MediaRefused { get; init; } = [];
    public List<string> Skipped { get; init; } = [];
    public List<string> OtherLanguages { get; init; } = [];

    /// <summary>
    /// The report as lines, each written by <paramref name="say"/> from an interface string and its values: the command
    /// line passes plain formatting (English), the admin page its localizer (the reader's language).
    /// </summary>
    public IEnumerable<string> Lines(Func<string, object[], string> say)
    {
        yield return say("Posts, pages and translations: {0} added, {1} updated, {2} unchanged", [Added, Updated, Unchanged]);
        yield return say("Media: {0} added, {1} already here, {2} missing, {3} refused", [MediaAdded, MediaKept, MediaMissing.Count, MediaRefused.Count]);
        foreach (var file in MediaMissing)
        {
            yield return say("missing: {0} (posts keep a plain link to it)", [file]);
        }
        foreach (var file in MediaRefused)
        {
            yield return say("refused: {0}", [file]);
        }
        foreach (var item in Skipped)
        {
            yield return say("Skipped: {0}", [item]);
        }
        yield return say("Comments: {0} skipped (Chorus has none)", [Comments]);
        foreach (var item in OtherLanguages)
        {
            yield return say("Not imported, in a language this site does not serve: {0}", [item]);
        }
        yield return say("Old addresses answering 301: {0}", [Redirects]);
    }

    /// <summary>The report in English, for the command line.</summary>
    public IEnumerable<string> Lines() => Lines((text, values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, values));
}
