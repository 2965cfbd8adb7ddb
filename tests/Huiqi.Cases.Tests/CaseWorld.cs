using Huiqi.Demo;
using Huiqi.Engine.Catalog;
using Huiqi.Policies;
using Huiqi.Store;

namespace Huiqi.Cases.Tests;

/// <summary>A clock the tests move forward (the notice period must really pass).</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A fresh registry and case store on a real database (a temporary SQLite file, or a new database on the PostgreSQL
/// server of HUIQI_TEST_POSTGRES), holding a small demo city, with the workflow and the batch over them.
/// </summary>
public sealed class CaseWorld : IAsyncDisposable
{
    public static readonly PolicyCatalog Catalog = PolicySource.Default();

    private readonly Func<Task> _drop;

    private CaseWorld(string connection, Func<Task> drop)
    {
        _drop = drop;
        Connection = connection;
        Registry = new HuiqiDatabase(connection);
        Cases = new CasesDatabase(connection, Key);
        Store = new DossierStore(Registry);
        Workflow = new CaseWorkflow(Cases, Registry, Catalog, Clock);
        Batch = new CaseBatch(Cases, Store, Catalog, Clock);
    }

    public string Connection { get; }

    /// <summary>The decision log's key of this world: made afresh, as an installation's is.</summary>
    public DecisionLogKey Key { get; } = DecisionLogKey.Generate();

    /// <summary>Monday 2025-03-03, 09:00 in Zhengzhou.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));

    public HuiqiDatabase Registry { get; }

    public CasesDatabase Cases { get; }

    public DossierStore Store { get; }

    public CaseWorkflow Workflow { get; }

    public CaseBatch Batch { get; }

    public static async Task<CaseWorld> CreateAsync(Db db, int enterprises = 150)
    {
        var scratch = await ScratchDatabase.CreateAsync(db, db == Db.Sqlite ? "huiqi-cases" : "huiqi_c");
        var world = new CaseWorld(scratch.Connection, () => scratch.DisposeAsync().AsTask());
        await world.Registry.MigrateAsync();
        await world.Cases.MigrateAsync();
        if (enterprises > 0)
        {
            await world.Store.PutManyAsync(DemoCity.Generate(enterprises), "test");
        }

        return world;
    }

    public static Actor Enterprise(CaseRow c) => new($"ent-{c.Uscc}", Role.Enterprise, null, c.Uscc, "10.0.0.1");

    public static Actor DistrictReviewer(string district) => new($"dr-{district}", Role.DistrictReviewer, district, null, "10.0.1.1");

    public static Actor DistrictFinance(string district) => new($"df-{district}", Role.DistrictFinance, district, null, "10.0.1.2");

    public static readonly Actor CityReviewer = new("city-reviewer", Role.CityReviewer, null, null, "10.0.2.1");

    public static readonly Actor CityFinance = new("city-finance", Role.CityFinance, null, null, "10.0.2.2");

    /// <summary>Runs the batch for a year to the end on this node, part after part.</summary>
    public async Task<BatchRunRow> RunBatchAsync(int year)
    {
        var run = await Batch.StartAsync(year, CityReviewer);
        foreach (var part in await Batch.UnfinishedPartsAsync())
        {
            await Batch.RunPartAsync(part, "test-node");
        }

        return run;
    }

    public async ValueTask DisposeAsync() => await _drop();
}
