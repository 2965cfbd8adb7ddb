using System.Reflection;
using Huiqi.Store;
using Huiqi.Supervision.Monitoring;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Huiqi.Supervision.Tests;

/// <summary>The two database engines every supervision test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real database per provider for a test class, with the registry's, the monitoring and the ledger migrations
/// applied: a temporary SQLite file, and a new database on the server named by HUIQI_TEST_POSTGRES. Each test gets
/// the tables emptied; the database is dropped at the end.
/// </summary>
public sealed class SupervisionDatabases : IAsyncLifetime
{
    public const string PostgresVariable = "HUIQI_TEST_POSTGRES";

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"huiqi-mon-{Guid.NewGuid():N}.db");
    private readonly string _pgName = $"huiqi_m_{Guid.NewGuid():N}"[..30];
    private readonly Dictionary<Db, string> _ready = [];

    /// <summary>The connection of a migrated database whose monitoring tables are emptied.</summary>
    public async Task<string> FreshAsync(Db db)
    {
        if (!_ready.TryGetValue(db, out var connection))
        {
            connection = db == Db.Sqlite ? $"Data Source={_sqliteFile}" : await CreatePostgresAsync();
            await new HuiqiDatabase(connection).MigrateAsync();
            await new MonitoringDatabase(connection).MigrateAsync();
            await new TaskLedgerDatabase(connection).MigrateAsync();
            _ready[db] = connection;
        }

        await using (var ledger = new TaskLedgerDatabase(connection).CreateDbContext())
        {
            await ledger.Progress.ExecuteDeleteAsync();
            await ledger.Assignments.ExecuteDeleteAsync();
            await ledger.Tasks.ExecuteDeleteAsync();
            await ledger.LibraryEvents.ExecuteDeleteAsync();
            await ledger.Memberships.ExecuteDeleteAsync();
            await ledger.Selections.ExecuteDeleteAsync();
        }

        await using var ctx = new MonitoringDatabase(connection).CreateDbContext();
        await ctx.Reports.ExecuteDeleteAsync();
        await ctx.Watchlist.ExecuteDeleteAsync();
        await ctx.EnterpriseIndicators.ExecuteDeleteAsync();
        await ctx.Thresholds.ExecuteDeleteAsync();
        await ctx.Audit.ExecuteDeleteAsync();
        await using var store = new HuiqiDatabase(connection).CreateDbContext();
        await store.Enterprises.ExecuteDeleteAsync();
        return connection;
    }

    /// <summary>The registry and the ledger on an emptied database, the clock at <paramref name="now"/> (15 March 2025 unless given).</summary>
    public async Task<Ledger> LedgerAsync(Db db, DateTimeOffset? now = null)
    {
        var connection = await FreshAsync(db);
        return new Ledger(new DossierStore(new HuiqiDatabase(connection)), new TaskLedgerDatabase(connection), new FixedClock(now ?? new DateTimeOffset(2025, 3, 15, 8, 0, 0, TimeSpan.Zero)));
    }

    private async Task<string> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new XunitException($"{PostgresVariable} is not set: run `eval \"$(scripts/services.sh start)\"` (or scripts/test.sh).");
        }

        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_pgName}", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = _pgName }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_ready.ContainsKey(Db.Postgres))
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>Both providers: SQLite always; PostgreSQL when a server is named, and always under CI (where a missing one fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Db.Sqlite];
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SupervisionDatabases.PostgresVariable))
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            yield return [Db.Postgres];
        }
    }
}
