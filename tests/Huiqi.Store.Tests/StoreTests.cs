using System.Text.Json;
using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store.Tests;

public sealed class StoreTests(Databases databases) : IClassFixture<Databases>
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_dossier_comes_back_from_the_store_as_it_went_in(Db db)
    {
        var store = await databases.FreshAsync(db);
        var rich = TestData.Rich(1);
        await store.PutAsync(rich, "test");

        var back = await store.GetAsync(rich.Uscc);

        Assert.NotNull(back);
        Assert.Equal(TestData.Json(rich), TestData.Json(back));
        Assert.Null(await store.GetAsync(TestData.Uscc(2)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task Storing_a_dossier_again_replaces_its_facts_and_changes_nothing_when_equal(Db db)
    {
        var store = await databases.FreshAsync(db);
        var rich = TestData.Rich(1);
        await store.PutAsync(rich, "test");
        var auditAfterFirst = (await store.AuditAsync()).Count;

        await store.PutAsync(rich, "test");
        Assert.Equal(auditAfterFirst, (await store.AuditAsync()).Count);

        var smaller = rich with { Honors = [rich.Honors[0]], Projects = [], Name = "改名后的企业" };
        await store.PutAsync(smaller, "test");
        Assert.Equal(TestData.Json(smaller), TestData.Json((await store.GetAsync(rich.Uscc))!));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task Every_change_to_facts_or_the_ledger_is_audited_with_who_when_old_and_new(Db db)
    {
        var store = await databases.FreshAsync(db);
        var d = TestData.Minimal(7) with
        {
            Figures = new FigureTable(new Dictionary<string, IReadOnlyDictionary<Period, decimal>> { ["mainRevenue"] = new Dictionary<Period, decimal> { [Period.OfYear(2024)] = 100m } }),
        };
        var before = DateTime.UtcNow.AddMinutes(-1);
        await store.PutAsync(d, "区工信局-张三");
        await store.PutAsync(d with { Figures = new FigureTable(new Dictionary<string, IReadOnlyDictionary<Period, decimal>> { ["mainRevenue"] = new Dictionary<Period, decimal> { [Period.OfYear(2024)] = 120m } }) }, "区工信局-李四");
        await store.RecordGrantAsync(d.Uscc, new Grant("zz2023-23/5", null, 2000000m, new DateOnly(2025, 3, 1)), "市财政局");
        await store.RecordGrantAsync(d.Uscc, new Grant("zz2023-23/5", null, 2000000m, new DateOnly(2025, 3, 1)), "市财政局");

        var audit = (await store.AuditAsync(d.Uscc)).OrderBy(a => a.Id).ToList();

        Assert.Collection(
            audit,
            a => Assert.Equal(("insert", "enterprises", "区工信局-张三"), (a.Action, a.Table, a.Actor)),
            a =>
            {
                Assert.Equal(("insert", "figures", "mainRevenue|2024"), (a.Action, a.Table, a.Key));
                Assert.Null(a.Old);
            },
            a =>
            {
                Assert.Equal(("update", "figures", "区工信局-李四"), (a.Action, a.Table, a.Actor));
                Assert.Equal(100m, JsonDocument.Parse(a.Old!).RootElement.GetProperty("Value").GetDecimal());
                Assert.Equal(120m, JsonDocument.Parse(a.New!).RootElement.GetProperty("Value").GetDecimal());
                Assert.InRange(a.At, before, DateTime.UtcNow.AddMinutes(1));
            },
            a => Assert.Equal(("insert", "grants", "市财政局", "zz2023-23/5||2025-03-01"), (a.Action, a.Table, a.Actor, a.Key)));
        Assert.All(audit, a => Assert.Equal(d.Uscc, a.Enterprise));
        Assert.Single((await store.GetAsync(d.Uscc))!.Grants);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_district_streams_page_by_page_without_the_rest_of_the_city(Db db)
    {
        var store = await databases.FreshAsync(db);
        var dossiers = Enumerable.Range(1, 23).Select(i => TestData.Minimal(i, i % 3 == 0 ? "上街区" : "巩义市") with { Traits = new HashSet<string> { "industrial" } }).ToList();
        await store.PutManyAsync(dossiers, "test");

        var shangjie = new List<Dossier>();
        await foreach (var d in store.StreamAsync("上街区", pageSize: 2))
        {
            shangjie.Add(d);
        }

        Assert.Equal(dossiers.Where(d => d.District == "上街区").Select(d => d.Uscc), shangjie.Select(d => d.Uscc));
        Assert.All(shangjie, d => Assert.Contains("industrial", d.Traits));
        Assert.Equal(23, await store.CountAsync());
        var all = 0;
        await foreach (var unused in store.StreamAsync(pageSize: 5))
        {
            all++;
        }

        Assert.Equal(23, all);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task Money_is_stored_as_an_exact_decimal(Db db)
    {
        var store = await databases.FreshAsync(db);
        var value = 123456789012345.67m;
        var d = TestData.Minimal(3) with { Spending = [new Spending("exhibition", 2024, value)] };
        await store.PutAsync(d, "test");

        Assert.Equal(value, (await store.GetAsync(d.Uscc))!.Spending.Single().Amount);
        await using var ctx = store.Database.CreateDbContext();
        Assert.Equal(value, (await ctx.Spending.SingleAsync()).Amount);
    }
}
