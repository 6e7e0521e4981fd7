using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Data;

internal sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default, embedded) or "postgres" (production).</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// ADO.NET connection string. Empty means, for SQLite, the file ./data/chorus.db;
    /// PostgreSQL always needs one (e.g. Database__ConnectionString in the environment).
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the site starts (otherwise run the `migrate` command).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsPostgres => Provider == "postgres";
}

internal sealed class SeedOptions
{
    /// <summary>
    /// Seed the demo content on first start when the database holds no posts. Off unless set: a production site
    /// starts empty; appsettings.Development.json turns it on for `dotnet run`.
    /// </summary>
    public bool DemoContent { get; set; }
}
