using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Data;

/// <summary>
/// The site starts on a model compiled ahead of time (Data/CompiledModels): building it from the entity classes took
/// over a second of every start. A compiled model that no longer matches the classes would read and write the wrong
/// columns, so this fails until it is generated again.
/// </summary>
public sealed class CompiledModelTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Fact]
    public async Task The_compiled_model_matches_the_entity_classes()
    {
        await app.WithDb(db =>
        {
            var compiled = db.Model;
            Assert.Contains(".CompiledModels.", compiled.GetType().FullName, StringComparison.Ordinal);
            var context = db.GetType().Name;
            var folder = context.Replace("ChorusDb", "", StringComparison.Ordinal);
            var built = Describe(db.GetService<IDesignTimeModel>().Model);
            var stale = Describe(compiled).Except(built).Concat(built.Except(Describe(compiled))).ToList();
            Assert.True(stale.Count == 0,
                $"The compiled model differs from the entity classes on {string.Join("; ", stale.Take(10))}. In src/Chorus.Web run: " +
                $"dotnet ef dbcontext optimize --context {context} --output-dir Data/CompiledModels/{folder} --namespace Chorus.Web.Data.CompiledModels.{folder}");
            return Task.CompletedTask;
        });
    }

    /// <summary>What the database sees of a model: tables, columns with their types and conversions, keys and indexes.</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity =>
        {
            var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
            return entity.GetProperties().Select(p =>
                    $"{entity.Name}.{p.Name}: {p.ClrType.Name} {(table is { } t ? p.GetColumnName(t) : p.GetColumnName())} {p.GetColumnType()} " +
                    $"null={p.IsNullable} max={p.GetMaxLength()} conv={p.GetValueConverter()?.GetType().Name} gen={p.ValueGenerated}")
                .Concat(entity.GetKeys().Select(k => $"{entity.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}"))
                .Concat(entity.GetForeignKeys().Select(f => $"{entity.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
                .Concat(entity.GetIndexes().Select(i => $"{entity.Name} index {i.GetDatabaseName()} {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique} filter={i.GetFilter()}"))
                .Prepend($"{entity.Name} table {entity.GetTableName()} owned={entity.IsOwned()}");
        }),
    ];
}
