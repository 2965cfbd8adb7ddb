using Huiqi.Store;
using Huiqi.Supervision.Monitoring;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Tests;

/// <summary>
/// A real database per provider for a test class, with the registry's, the monitoring and the ledger migrations
/// applied: a temporary SQLite file, and a new database on the server named by HUIQI_TEST_POSTGRES. Each test gets
/// the tables emptied; the database is dropped at the end.
/// </summary>
public sealed class SupervisionDatabases : IAsyncLifetime
{
    private readonly Dictionary<Db, ScratchDatabase> _ready = [];

    /// <summary>The connection of a migrated database whose monitoring tables are emptied.</summary>
    public async Task<string> FreshAsync(Db db)
    {
        if (!_ready.TryGetValue(db, out var scratch))
        {
            scratch = await ScratchDatabase.CreateAsync(db, "huiqi-mon");
            _ready[db] = scratch;
            await new HuiqiDatabase(scratch.Connection).MigrateAsync();
            await new MonitoringDatabase(scratch.Connection).MigrateAsync();
            await new TaskLedgerDatabase(scratch.Connection).MigrateAsync();
        }

        var connection = scratch.Connection;

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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scratch in _ready.Values)
        {
            await scratch.DisposeAsync();
        }
    }
}
