using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store.Tests;

/// <summary>
/// One fresh registry per provider for a test class, on a <see cref="ScratchDatabase"/> (a temporary SQLite file, or
/// a new database on the PostgreSQL server of HUIQI_TEST_POSTGRES): migrated, emptied for each test, dropped at the end.
/// </summary>
public sealed class Databases : IAsyncLifetime
{
    private readonly Dictionary<Db, (ScratchDatabase Scratch, HuiqiDatabase Registry)> _ready = [];

    /// <summary>A migrated, emptied database of the provider, with a store over it.</summary>
    public async Task<DossierStore> FreshAsync(Db db)
    {
        if (!_ready.TryGetValue(db, out var ready))
        {
            var scratch = await ScratchDatabase.CreateAsync(db, "huiqi-test");
            ready = (scratch, new HuiqiDatabase(scratch.Connection));
            _ready[db] = ready;
            await ready.Registry.MigrateAsync();
        }

        await using (var ctx = ready.Registry.CreateDbContext())
        {
            await ctx.Audit.ExecuteDeleteAsync();
            await ctx.Enterprises.ExecuteDeleteAsync();
        }

        return new DossierStore(ready.Registry);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (scratch, _) in _ready.Values)
        {
            await scratch.DisposeAsync();
        }
    }
}
