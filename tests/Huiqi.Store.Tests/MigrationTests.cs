using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store.Tests;

public sealed class MigrationTests(Databases databases) : IClassFixture<Databases>
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task One_set_of_migrations_builds_the_whole_model_on_both_providers(Db db)
    {
        var store = await databases.FreshAsync(db);
        await using var ctx = store.Database.CreateDbContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
        Assert.False(ctx.Database.HasPendingModelChanges(), "the model differs from the migrations: add a migration (see src/Huiqi.Store/Migrations/README.md)");
    }
}
