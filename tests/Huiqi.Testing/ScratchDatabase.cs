using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Huiqi.Testing;

/// <summary>The two database engines the tests run against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// An empty database for a test, on a real engine (no in-memory stand-in): a temporary SQLite file, or a new database
/// on the PostgreSQL server named by HUIQI_TEST_POSTGRES (scripts/services.sh starts one). Nothing is migrated here;
/// disposing deletes the file or drops the database.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable, IDisposable
{
    public const string PostgresVariable = "HUIQI_TEST_POSTGRES";

    private readonly Action _drop;
    private bool _dropped;

    private ScratchDatabase(Db db, string connection, Action drop)
    {
        Db = db;
        Connection = connection;
        _drop = drop;
    }

    public Db Db { get; }

    /// <summary>The connection string every part of the platform opens the database with.</summary>
    public string Connection { get; }

    /// <summary>Whether the PostgreSQL rows run: when a server is named, and always under CI (where a missing one fails).</summary>
    public static bool PostgresWanted =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new database of <paramref name="db"/>; <paramref name="prefix"/> names it (a file or database name), for whoever finds one left over.</summary>
    public static async Task<ScratchDatabase> CreateAsync(Db db, string prefix = "huiqi")
    {
        if (db == Db.Sqlite)
        {
            return Sqlite(prefix);
        }

        var server = PostgresServer();
        var name = $"{prefix.Replace('-', '_')}_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new ScratchDatabase(Db.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            // FORCE may not end a superuser's backend (an autovacuum worker that has just started on the database:
            // 42501); it finishes in moments, so try again a few times rather than fail the test that used it.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    drop.ExecuteNonQuery();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    Thread.Sleep(200 * attempt);
                }
            }
        });
    }

    /// <summary>A new SQLite file in the temporary folder (the file itself is created by the first migration).</summary>
    public static ScratchDatabase Sqlite(string prefix = "huiqi")
    {
        var file = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
        return new ScratchDatabase(Db.Sqlite, $"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        });
    }

    /// <summary>The server of HUIQI_TEST_POSTGRES, or a failure that says how to start one.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new XunitException($"{PostgresVariable} is not set: run `eval \"$(scripts/services.sh start)\"` (or scripts/test.sh) so the PostgreSQL tests have a server.")
            : server;
    }

    public void Dispose()
    {
        if (!_dropped)
        {
            _dropped = true;
            _drop();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Both providers: SQLite always; PostgreSQL when a server is named, and always under CI (where a missing one fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Db.Sqlite];
        if (ScratchDatabase.PostgresWanted)
        {
            yield return [Db.Postgres];
        }
    }
}

/// <summary>
/// The PostgreSQL row of a theory. Without HUIQI_TEST_POSTGRES it is skipped on a developer's machine, but runs (and
/// so fails with a clear message) when CI=true: CI must exercise both providers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (!ScratchDatabase.PostgresWanted)
        {
            Skip = $"{ScratchDatabase.PostgresVariable} is not set (scripts/services.sh start provides it)";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Db.Postgres]];
}
