using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Tests;

public sealed class MigrationTests(SupervisionDatabases databases) : IClassFixture<SupervisionDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task The_ledger_migrations_build_its_whole_model_on_both_providers_in_their_own_history(Db db)
    {
        var l = await databases.LedgerAsync(db);
        await using var ctx = l.Database.CreateDbContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
        Assert.False(ctx.Database.HasPendingModelChanges(), "the model differs from the migrations: add one (see src/Huiqi.Store/Migrations/README.md)");
        // Its own history table, so the registry's and the web's migrations never see these.
        var applied = await ctx.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__ledger_migrations\"").ToListAsync();
        Assert.Equal(ctx.Database.GetMigrations(), applied);
    }
}
