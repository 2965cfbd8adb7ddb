using Huiqi.Simulation.Runs;
using Huiqi.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>The web tables' migrations, on both engines, beside the registry's in one database.</summary>
public sealed class DatabaseTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_web_migrations_build_the_whole_model_beside_the_registry(Db db)
    {
        var app = await apps.GetAsync(db);
        await using var context = await app.Services.GetRequiredService<IDbContextFactory<WebDbContext>>().CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "the web model differs from its migrations: add one (see Accounts/WebDbContext.cs, as src/Huiqi.Store/Migrations/README.md)");
        Assert.Equal(200, await context.Enterprises.CountAsync());
        Assert.Equal(200, await context.Summaries.CountAsync(s => s.Year == HuiqiApp.Year));
        Assert.True(await context.Users.CountAsync() >= 2 + 32 + 6 + 1);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_simulation_runs_keep_the_web_history_so_a_database_made_before_they_moved_needs_nothing(Db db)
    {
        var app = await apps.GetAsync(db);
        await using var runs = await app.Services.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>().CreateDbContextAsync();
        Assert.Empty(await runs.Database.GetPendingMigrationsAsync());
        Assert.False(runs.Database.HasPendingModelChanges(), "the simulation runs' model differs from their migrations (src/Huiqi.Simulation/Runs/Migrations)");
        // One history table holds both migrations, exactly as in a database made while the runs were the web's: there,
        // neither context finds anything left to apply.
        string[] both = ["20261123115631_Accounts", "20261123160614_SimulationRuns"];
        Assert.Equal(both, (await runs.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal));
        await using var web = await app.Services.GetRequiredService<IDbContextFactory<WebDbContext>>().CreateDbContextAsync();
        Assert.Equal(both, (await web.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, await runs.SimulationRuns.CountAsync(r => r.Id < 0));
    }

    [Fact]
    public void Each_part_has_one_design_time_factory_whose_context_matches_its_migrations()
    {
        Type[] parts =
        [
            typeof(Huiqi.Store.HuiqiDbContext), typeof(Huiqi.Cases.CasesDbContext), typeof(Huiqi.Supervision.Monitoring.MonitoringDbContext),
            typeof(Huiqi.Supervision.Tasks.TaskLedgerDbContext), typeof(WebDbContext), typeof(SimulationRunsDbContext),
        ];
        foreach (var part in parts)
        {
            var contract = typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<>).MakeGenericType(part);
            var factory = Assert.Single(part.Assembly.GetTypes(), t => !t.IsAbstract && t.IsAssignableTo(contract));
            // As dotnet ef makes it: no arguments, SQLite unless HUIQI_EF_PROVIDER says postgres; nothing is opened.
            using var context = (DbContext)contract.GetMethod("CreateDbContext")!.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
            Assert.NotEmpty(context.Database.GetMigrations());
            Assert.False(context.Database.HasPendingModelChanges(), $"{part.Name} differs from its migrations");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_finance_bureau_reads_what_its_district_will_pay_this_year(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("jingkai-finance");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("区级承担", html, StringComparison.Ordinal);
        Assert.Matches("[0-9]+ 家企业；市级承担", html);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Lists_follow_a_change_to_the_registry(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");
        var store = app.Services.GetRequiredService<Huiqi.Store.DossierStore>();
        Huiqi.Engine.Model.Dossier? chosen = null;
        await foreach (var d in store.StreamAsync())
        {
            if (d.Has("manufacturing") && d.Rankings.Count == 0 && d.District == "惠济区")
            {
                chosen = d;
                break;
            }
        }

        Assert.NotNull(chosen);
        var url = "/api/enterprises?pageSize=500&clause=" + Uri.EscapeDataString("zz2023-23/1");
        Assert.DoesNotContain(chosen.Uscc, await client.GetStringAsync(url), StringComparison.Ordinal);

        // The registry learns that it entered the China 500 in 2024 (10 million yuan under zz2023-23/1).
        await store.PutManyAsync([chosen with { Rankings = [new Huiqi.Engine.Model.Ranking("china-500", 2024, 480, new DateOnly(2024, 9, 10))] }], "test");
        Assert.Contains(chosen.Uscc, await client.GetStringAsync(url), StringComparison.Ordinal);
    }
}
