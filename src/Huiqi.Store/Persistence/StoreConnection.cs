using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
/// The one setting every part of the platform opens its tables with (数据库连接): a SQLite file path or connection
/// string (default <see cref="Default"/>), or a PostgreSQL connection string (<c>Host=…</c>) or URL. The provider is
/// decided here and nowhere else, so the registry, the cases, supervision and the web tables always agree.
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    public const string Default = "Data Source=data/huiqi.db";

    /// <summary>The environment variable (and configuration key) naming the database, for the web and the command line alike.</summary>
    public const string EnvironmentVariable = "HUIQI_DB";

    /// <summary>
    /// A connection with <c>Host=</c> or <c>Server=</c>, or a <c>postgres://</c> URL is PostgreSQL; anything else is
    /// SQLite: a <c>Data Source=…</c> string, or a bare file path.
    /// </summary>
    public static StoreConnection Resolve(string? connection)
    {
        var text = string.IsNullOrWhiteSpace(connection) ? Default : connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(text);
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : "";
            return new(StoreProvider.Postgres, $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Username={user};Password={password};Database={uri.AbsolutePath.TrimStart('/')}");
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            var keys = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].Trim().ToLowerInvariant()).ToHashSet();
            return keys.Contains("host") || keys.Contains("server")
                ? new(StoreProvider.Postgres, text)
                : new(StoreProvider.Sqlite, text);
        }

        return new(StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = text }.ToString());
    }

    /// <summary>A short description for logs, without the password.</summary>
    public string Describe() => Provider == StoreProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)))}";

    /// <summary>
    /// Sets up <paramref name="builder"/> for this provider, with the migrations of <paramref name="migrations"/> and,
    /// for a part beside the registry, its own history table, so that each part migrates its tables on its own.
    /// </summary>
    public void Use(DbContextOptionsBuilder builder, Assembly migrations, string? historyTable = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(migrations);
        var assembly = migrations.GetName().Name;
        if (Provider == StoreProvider.Postgres)
        {
            builder.UseNpgsql(ConnectionString, o =>
            {
                o.MigrationsAssembly(assembly);
                if (historyTable is not null)
                {
                    o.MigrationsHistoryTable(historyTable);
                }
            });
        }
        else
        {
            builder.UseSqlite(ConnectionString, o =>
            {
                o.MigrationsAssembly(assembly);
                if (historyTable is not null)
                {
                    o.MigrationsHistoryTable(historyTable);
                }
            });
        }
    }

    /// <summary>Sets up <paramref name="builder"/> on a connection another context already opened (to share its transaction).</summary>
    public void Use(DbContextOptionsBuilder builder, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == StoreProvider.Postgres)
        {
            builder.UseNpgsql(connection);
        }
        else
        {
            builder.UseSqlite(connection);
        }
    }

    /// <summary>For SQLite, creates the database file's folder when absent (a migration creates the file itself).</summary>
    public void EnsureFolder()
    {
        if (Provider != StoreProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
