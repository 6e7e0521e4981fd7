using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chorus.Web.Data;

// Used only by `dotnet ef migrations add`: each provider's context gets its own migration set.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChorusDb>
{
    public SqliteChorusDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChorusDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChorusDb>
{
    public PostgresChorusDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresChorusDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
