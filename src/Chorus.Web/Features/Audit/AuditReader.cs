using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Media;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Audit;

/// <summary>One field of an audit entry as a person reads it: its label, and the value it had and took (or had, or took).</summary>
internal sealed record AuditField(string Label, string? Before, string After);

/// <summary>An audit entry as a person reads it: what it is about, and its fields (or its text, for a note such as an export).</summary>
internal sealed record AuditLine(AuditEntry Entry, string Action, string What, string? Named, IReadOnlyList<AuditField> Fields, string? Text);

/// <summary>
/// Turns stored audit entries into what a person reads, at display time (so entries written long ago read as well as new
/// ones): field names become labels in the reader's language, hidden fields are left out (<see cref="AuditFields"/>),
/// lists become their items, yes/no and choices are translated, and references to other rows become their names, read
/// in one query per kind of row for the whole page (a row since deleted shows as its number, marked deleted).
/// </summary>
internal sealed partial class AuditReader(ChorusDb db, IStringLocalizer<SharedStrings> S)
{
    private const string Nothing = "∅";

    // A change is stored one field a line: "Name: value", or "Name: before → after" for a change.
    [GeneratedRegex(@"^(?<field>[A-Za-z_][A-Za-z0-9_]*): ?(?<value>.*)$")]
    private static partial Regex FieldLine();

    /// <summary>Fields that name a media item or a signature by number without a foreign key in the model.</summary>
    private static readonly Dictionary<string, Type> UnlinkedReferences = new(StringComparer.Ordinal)
    {
        ["ImageId"] = typeof(MediaItem), ["LogoId"] = typeof(MediaItem), ["ShareImageId"] = typeof(MediaItem),
        ["DocumentId"] = typeof(MediaItem), ["ClaimsSignatureId"] = typeof(Signature),
    };

    public async Task<IReadOnlyList<AuditLine>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var types = db.Model.GetEntityTypes().GroupBy(t => t.ClrType.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var parsed = entries.Select(e => (Entry: e, Type: types.GetValueOrDefault(e.Entity), Fields: Parse(e, types.GetValueOrDefault(e.Entity)))).ToList();

        // Every row referred to on the page, by kind, so that each kind is read once.
        var wanted = new Dictionary<Type, HashSet<string>>();
        void Want(Type? kind, string? key)
        {
            if (kind is not null && key is { Length: > 0 } and not Nothing && Names.ContainsKey(kind))
            {
                (wanted.TryGetValue(kind, out var keys) ? keys : wanted[kind] = []).Add(key);
            }
        }
        foreach (var (entry, type, fields) in parsed)
        {
            foreach (var (kind, key) in KeyParts(entry, type))
            {
                Want(kind, key);
            }
            foreach (var (field, before, after) in fields ?? [])
            {
                Want(Target(type, field), before);
                Want(Target(type, field), after);
            }
        }
        var names = new Dictionary<(Type, string), string>();
        foreach (var (kind, keys) in wanted)
        {
            foreach (var (key, name) in await Names[kind](db, keys, ct))
            {
                names[(kind, key)] = name;
            }
        }

        return [.. parsed.Select(p => new AuditLine(
            p.Entry,
            AuditFields.Actions.TryGetValue(p.Entry.Action, out var action) ? S[action] : p.Entry.Action,
            AuditFields.Tables.TryGetValue(p.Entry.Entity, out var table) ? S[table] : p.Entry.Entity,
            Named(p.Entry, p.Type, names),
            p.Fields is null ? [] : [.. p.Fields.Where(f => !AuditFields.IsHidden(f.Field)).Select(f => new AuditField(
                Label(f.Field),
                f.Before is null ? null : Value(p.Type, f.Field, f.Before, names),
                Value(p.Type, f.Field, f.After, names)))],
            p.Fields is null && p.Entry.Summary.Length > 0 ? p.Entry.Summary : null))];
    }

    /// <summary>The fields of a write (created, changed, deleted), or null for an entry that is a note (an export, a sign-in).</summary>
    private static List<(string Field, string? Before, string After)>? Parse(AuditEntry entry, IEntityType? type)
    {
        if (entry.Action is not ("created" or "changed" or "deleted"))
        {
            return null;
        }
        var fields = new List<(string Field, string Value)>();
        foreach (var line in entry.Summary.Split('\n'))
        {
            // Values written before newlines were kept out of them run on over several lines: a line that does not
            // start with one of the table's fields continues the value above it.
            var match = FieldLine().Match(line);
            if (match.Success && (type is null || type.FindProperty(match.Groups["field"].Value) is not null))
            {
                fields.Add((match.Groups["field"].Value, match.Groups["value"].Value));
            }
            else if (fields.Count > 0)
            {
                fields[^1] = (fields[^1].Field, fields[^1].Value + "\n" + line);
            }
        }
        return [.. fields.Select(f =>
        {
            var value = f.Value.TrimEnd('\n');
            var arrow = entry.Action == "changed" ? value.IndexOf(" → ", StringComparison.Ordinal) : -1;
            return arrow < 0 ? (f.Field, (string?)null, value) : (f.Field, value[..arrow], value[(arrow + 3)..]);
        })];
    }

    private string Label(string field) => AuditFields.Labels.TryGetValue(field, out var label) ? S[label] : field;

    private string Value(IEntityType? type, string field, string value, Dictionary<(Type, string), string> names)
    {
        if (value == Nothing)
        {
            return "—";
        }
        if (Target(type, field) is { } kind)
        {
            return names.TryGetValue((kind, value), out var name) ? name : S["#{0} (deleted)", value];
        }
        var property = type?.FindProperty(field);
        // Lists were once written as the name of their .NET type; their items were not kept.
        if (value.StartsWith("System.Collections.", StringComparison.Ordinal) || value.StartsWith("System.String[]", StringComparison.Ordinal)
            || value.StartsWith("System.Int32[]", StringComparison.Ordinal))
        {
            return S["(not recorded)"];
        }
        if (value.StartsWith('[') && (property is null || property.IsPrimitiveCollection || property.ClrType != typeof(string)) && Items(value) is { } items)
        {
            return items.Count == 0 ? "—" : string.Join(", ", items);
        }
        var clr = property is null ? null : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (clr == typeof(bool))
        {
            return value == bool.TrueString ? S["Yes"] : value == bool.FalseString ? S["No"] : value;
        }
        return clr is { IsEnum: true } ? S[value] : value;
    }

    private static List<string>? Items(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array
                ? [.. doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText())]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The kind of row a field refers to, when it is a reference.</summary>
    private static Type? Target(IEntityType? type, string field) =>
        type?.FindProperty(field)?.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType.ClrType
        ?? UnlinkedReferences.GetValueOrDefault(field);

    /// <summary>The parts of an entry's key with the kind of row each names: the row itself, or (for a link) the rows it links.</summary>
    private static IEnumerable<(Type? Kind, string Key)> KeyParts(AuditEntry entry, IEntityType? type)
    {
        if (type is null)
        {
            return entry.Entity == "Account" ? [(typeof(ChorusUser), entry.EntityId)] : [];
        }
        var key = type.FindPrimaryKey();
        var parts = entry.EntityId.Split('/');
        if (key is null || key.Properties.Count != parts.Length)
        {
            return [];
        }
        return key.Properties.Count == 1 && Names.ContainsKey(type.ClrType)
            ? [(type.ClrType, parts[0])]
            : key.Properties.Select((p, i) => (Target(type, p.Name), parts[i]));
    }

    /// <summary>The names of the rows an entry is about ("Post: …", "Post: … · Category: …"), or null when none has one.</summary>
    private static string? Named(AuditEntry entry, IEntityType? type, Dictionary<(Type, string), string> names)
    {
        var parts = KeyParts(entry, type)
            .Select(p => p.Kind is { } kind && names.TryGetValue((kind, p.Key), out var name) ? name : null)
            .Where(n => n is not null).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private delegate Task<Dictionary<string, string>> NameReader(ChorusDb db, HashSet<string> keys, CancellationToken ct);

    /// <summary>How to name each kind of row an entry may refer to.</summary>
    private static readonly Dictionary<Type, NameReader> Names = new()
    {
        [typeof(Post)] = (db, keys, ct) => ByNumber(keys, ids => db.Posts.Where(p => ids.Contains(p.Id)).Select(p => new NamedRow(p.Id, p.Title)), ct),
        [typeof(Event)] = (db, keys, ct) => ByNumber(keys, ids => db.Events.Where(e => ids.Contains(e.Id)).Select(e => new NamedRow(e.Id, e.Title)), ct),
        [typeof(EventSession)] = (db, keys, ct) => ByNumber(keys, ids => db.EventSessions.Where(s => ids.Contains(s.Id) && s.Title != null).Select(s => new NamedRow(s.Id, s.Title!)), ct),
        [typeof(Campaign)] = (db, keys, ct) => ByNumber(keys, ids => db.Campaigns.Where(c => ids.Contains(c.Id)).Select(c => new NamedRow(c.Id, c.Title)), ct),
        [typeof(Signature)] = (db, keys, ct) => ByNumber(keys, ids => db.Signatures.Where(s => ids.Contains(s.Id)).Select(s => new NamedRow(s.Id, s.Name)), ct),
        [typeof(Organisation)] = (db, keys, ct) => ByNumber(keys, ids => db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => new NamedRow(o.Id, o.Name)), ct),
        [typeof(Category)] = (db, keys, ct) => ByNumber(keys, ids => db.Categories.Where(c => ids.Contains(c.Id)).Select(c => new NamedRow(c.Id, c.Name)), ct),
        [typeof(MediaItem)] = (db, keys, ct) => ByNumber(keys, ids => db.Media.Where(m => ids.Contains(m.Id)).Select(m => new NamedRow(m.Id, m.OriginalName)), ct),
        [typeof(ChorusUser)] = (db, keys, ct) => db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.DisplayName, ct),
        [typeof(IdentityRole)] = (db, keys, ct) => db.Roles.AsNoTracking().Where(r => keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct),
    };

    private sealed record NamedRow(int Id, string Name);

    private static async Task<Dictionary<string, string>> ByNumber(HashSet<string> keys, Func<List<int>, IQueryable<NamedRow>> read, CancellationToken ct)
    {
        var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
        return ids.Count == 0 ? [] : await read(ids).AsNoTracking().ToDictionaryAsync(n => n.Id.ToString(CultureInfo.InvariantCulture), n => n.Name, ct);
    }
}
