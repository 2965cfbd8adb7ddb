using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Huiqi.Supervision.Tests;

/// <summary>The two database engines every ledger test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>A clock that stands still at a chosen moment (UTC), so months and flags are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>The registry and the supervision ledger on one database, with the services over them.</summary>
public sealed record Ledger(DossierStore Store, TaskLedgerDatabase Database, FixedClock Clock)
{
    public static readonly Huiqi.Engine.Catalog.PolicyCatalog Catalog = PolicySource.Default();

    public LibrarySelection Selection => new(Database, Store, Catalog, Clock);

    public LibraryRegister Register => new(Database, Store, Clock);

    public TaskLedger Tasks => new(Database, Catalog, new TaskLedgerOptions { StalledMonths = 2 }, Clock);

    public ProgressReports Reports => new(Database, Clock);
}

/// <summary>
/// One database per provider for a test class, the registry's and the ledger's migrations applied: a temporary SQLite
/// file, and a new database on the PostgreSQL server named by HUIQI_TEST_POSTGRES. Each test gets them emptied.
/// </summary>
public sealed class LedgerDatabases : IAsyncLifetime
{
    public const string PostgresVariable = "HUIQI_TEST_POSTGRES";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"huiqi-ledger-{Guid.NewGuid():N}.db");
    private readonly string _pg = $"huiqi_l_{Guid.NewGuid():N}"[..30];
    private readonly Dictionary<Db, string> _connections = [];

    public async Task<Ledger> FreshAsync(Db db, DateTimeOffset? now = null)
    {
        if (!_connections.TryGetValue(db, out var connection))
        {
            connection = db == Db.Sqlite ? $"Data Source={_file}" : await CreatePostgresAsync();
            await new HuiqiDatabase(connection).MigrateAsync();
            await new TaskLedgerDatabase(connection).MigrateAsync();
            _connections[db] = connection;
        }

        var ledger = new TaskLedgerDatabase(connection);
        await using (var ctx = ledger.CreateDbContext())
        {
            await ctx.Progress.ExecuteDeleteAsync();
            await ctx.Assignments.ExecuteDeleteAsync();
            await ctx.Tasks.ExecuteDeleteAsync();
            await ctx.LibraryEvents.ExecuteDeleteAsync();
            await ctx.Memberships.ExecuteDeleteAsync();
            await ctx.Selections.ExecuteDeleteAsync();
        }

        var registry = new HuiqiDatabase(connection);
        await using (var ctx = registry.CreateDbContext())
        {
            await ctx.Enterprises.ExecuteDeleteAsync();
        }

        return new Ledger(new DossierStore(registry), ledger, new FixedClock(now ?? new DateTimeOffset(2025, 3, 15, 8, 0, 0, TimeSpan.Zero)));
    }

    private async Task<string> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new XunitException($"{PostgresVariable} is not set: run `eval \"$(scripts/services.sh start)\"` (or scripts/test.sh) so the PostgreSQL tests have a server.");
        }

        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_pg}", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = _pg }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_connections.ContainsKey(Db.Postgres))
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pg} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }

    /// <summary>The rows of a theory: SQLite always; PostgreSQL when a server is named, and always under CI (where a missing one fails).</summary>
    public static TheoryData<Db> Engines()
    {
        var data = new TheoryData<Db> { Db.Sqlite };
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            data.Add(Db.Postgres);
        }

        return data;
    }
}
