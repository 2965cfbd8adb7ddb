using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Store;

/// <summary>Which database engine holds the registry.</summary>
public enum StoreProvider
{
    /// <summary>A file in a data folder, created and migrated on first start: nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql), for production: chosen by a <c>Host=…</c> connection string.</summary>
    Postgres,
}

/// <summary>
/// Opens the registry from one setting: a SQLite file path or connection string (default
/// <see cref="DefaultConnection"/>), or a PostgreSQL connection string (<c>Host=…</c>). One schema and one set of
/// migrations serve both; <see cref="MigrateAsync"/> creates the database and brings it up to date.
/// </summary>
public sealed class HuiqiDatabase : IDbContextFactory<HuiqiDbContext>
{
    public const string DefaultConnection = "Data Source=data/huiqi.db";

    private readonly DbContextOptions<HuiqiDbContext> _options;

    public HuiqiDatabase(string? connection = null)
    {
        (Provider, ConnectionString) = Resolve(connection);
        var builder = new DbContextOptionsBuilder<HuiqiDbContext>();
        Configure(builder, connection);
        _options = builder.Options;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A short description for logs, without the password.</summary>
    public string Describe() => Provider == StoreProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)))}";

    public HuiqiDbContext CreateDbContext() => new(_options);

    /// <summary>A context whose changes are recorded in the audit log under <paramref name="actor"/>.</summary>
    public HuiqiDbContext CreateDbContext(string actor) => new(_options) { Actor = actor };

    /// <summary>
    /// A context on a connection another context already opened, so that its changes join that context's transaction
    /// (<c>Database.UseTransaction</c>): a payment and the ledger line it writes commit together or not at all.
    /// </summary>
    public HuiqiDbContext CreateDbContext(System.Data.Common.DbConnection connection, string actor)
    {
        var builder = new DbContextOptionsBuilder<HuiqiDbContext>();
        if (Provider == StoreProvider.Postgres)
        {
            builder.UseNpgsql(connection);
        }
        else
        {
            builder.UseSqlite(connection);
        }

        return new HuiqiDbContext(builder.Options) { Actor = actor };
    }

    /// <summary>
    /// Sets up the context of another part of the platform (web accounts, cases, monitoring, the task ledger) on the
    /// registry's database — SQLite or PostgreSQL as <paramref name="connection"/> names it — with its own migrations
    /// history table, so that each part migrates its tables on its own.
    /// </summary>
    public static void UseBeside(DbContextOptionsBuilder builder, string? connection, string historyTable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (provider, cs) = Resolve(connection);
        if (provider == StoreProvider.Postgres)
        {
            builder.UseNpgsql(cs, o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseSqlite(cs, o => o.MigrationsHistoryTable(historyTable));
        }
    }

    /// <summary>Creates the database (and for SQLite its folder) when absent and applies every pending migration.</summary>
    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        if (Provider == StoreProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancel);
    }

    /// <summary>Sets up <paramref name="builder"/> for the provider the connection names.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string? connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (provider, cs) = Resolve(connection);
        if (provider == StoreProvider.Postgres)
        {
            builder.UseNpgsql(cs, o => o.MigrationsAssembly(typeof(HuiqiDatabase).Assembly.GetName().Name));
        }
        else
        {
            builder.UseSqlite(cs, o => o.MigrationsAssembly(typeof(HuiqiDatabase).Assembly.GetName().Name));
        }
    }

    /// <summary>
    /// A connection with <c>Host=</c> or <c>Server=</c>, or a <c>postgres://</c> URL is PostgreSQL; anything else is
    /// SQLite: a <c>Data Source=…</c> string, or a bare file path.
    /// </summary>
    public static (StoreProvider Provider, string ConnectionString) Resolve(string? connection)
    {
        var text = string.IsNullOrWhiteSpace(connection) ? DefaultConnection : connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(text);
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : "";
            return (StoreProvider.Postgres, $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Username={user};Password={password};Database={uri.AbsolutePath.TrimStart('/')}");
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            var keys = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].Trim().ToLowerInvariant()).ToHashSet();
            return keys.Contains("host") || keys.Contains("server")
                ? (StoreProvider.Postgres, text)
                : (StoreProvider.Sqlite, text);
        }

        return (StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = text }.ToString());
    }
}

/// <summary>For <c>dotnet ef migrations</c>: HUIQI_EF_PROVIDER=postgres generates against Npgsql, else SQLite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HuiqiDbContext>
{
    public HuiqiDbContext CreateDbContext(string[] args) =>
        new HuiqiDatabase(Environment.GetEnvironmentVariable("HUIQI_EF_PROVIDER") == "postgres"
            ? "Host=127.0.0.1;Database=design;Username=design;Password=design"
            : "Data Source=design.db").CreateDbContext();
}

/// <summary>Registration of the registry in a host (the web server).</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="HuiqiDatabase"/> (also as the context factory) and <see cref="DossierStore"/>: SQLite at
    /// <c>data/huiqi.db</c> unless <paramref name="connection"/> names a file or a PostgreSQL server.
    /// </summary>
    public static IServiceCollection AddHuiqiStore(this IServiceCollection services, string? connection = null)
    {
        var database = new HuiqiDatabase(connection);
        services.AddSingleton(database);
        services.AddSingleton<IDbContextFactory<HuiqiDbContext>>(database);
        services.AddSingleton<DossierStore>();
        return services;
    }
}
