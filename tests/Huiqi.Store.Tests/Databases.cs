using System.Reflection;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Huiqi.Store.Tests;

/// <summary>The two database engines every store test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One fresh database per provider for a test class: a temporary SQLite file, and a new database on the PostgreSQL
/// server named by HUIQI_TEST_POSTGRES (scripts/services.sh starts one). Both are migrated, and dropped at the end.
/// No in-memory stand-in is used for either.
/// </summary>
public sealed class Databases : IAsyncLifetime
{
    public const string PostgresVariable = "HUIQI_TEST_POSTGRES";

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"huiqi-test-{Guid.NewGuid():N}.db");
    private readonly string _pgName = $"huiqi_t_{Guid.NewGuid():N}"[..30];
    private HuiqiDatabase? _sqlite;
    private HuiqiDatabase? _postgres;

    /// <summary>A migrated, emptied database of the provider, with a store over it.</summary>
    public async Task<DossierStore> FreshAsync(Db db)
    {
        var database = db == Db.Sqlite ? await SqliteAsync() : await PostgresAsync();
        await using (var ctx = database.CreateDbContext())
        {
            await ctx.Audit.ExecuteDeleteAsync();
            await ctx.Enterprises.ExecuteDeleteAsync();
        }

        return new DossierStore(database);
    }

    private async Task<HuiqiDatabase> SqliteAsync()
    {
        if (_sqlite is null)
        {
            _sqlite = new HuiqiDatabase(_sqliteFile);
            await _sqlite.MigrateAsync();
        }

        return _sqlite;
    }

    private async Task<HuiqiDatabase> PostgresAsync()
    {
        if (_postgres is null)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new XunitException($"{PostgresVariable} is not set: run `eval \"$(scripts/services.sh start)\"` (or scripts/test.sh) so the PostgreSQL tests have a server.");
            }

            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_pgName}", admin);
                await create.ExecuteNonQueryAsync();
            }

            _postgres = new HuiqiDatabase(new NpgsqlConnectionStringBuilder(server) { Database = _pgName }.ConnectionString);
            await _postgres.MigrateAsync();
        }

        return _postgres;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
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

/// <summary>
/// The PostgreSQL row of a store theory. Without HUIQI_TEST_POSTGRES it is skipped on a developer's machine, but
/// runs (and so fails with a clear message) when CI=true: CI must exercise both providers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Databases.PostgresVariable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{Databases.PostgresVariable} is not set (scripts/services.sh start provides it)";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Db.Postgres]];
}
