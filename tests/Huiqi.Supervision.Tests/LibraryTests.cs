using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;

namespace Huiqi.Supervision.Tests;

/// <summary>
/// The yearly selection writes each membership's history — entered, tier changed, left, with reasons — and a second run
/// of the same year writes nothing; a district's removal by hand shows in the history and holds that year. On SQLite and
/// PostgreSQL.
/// </summary>
public sealed class LibraryTests(SupervisionDatabases databases) : IClassFixture<SupervisionDatabases>
{
    private static string Uscc(int n) => Huiqi.Engine.Input.Uscc.WithCheckCharacters($"91410100MA{n:D6}");

    private static Dossier Read(string json)
    {
        var read = DossierReader.Read(json);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read.Dossier!;
    }

    /// <summary>Climbs the ZJTX tiers: 创新型中小企业 2022, 省级专精特新 2023, 小巨人 2024.</summary>
    private static Dossier Climber() => Read($$"""
        { "uscc": "{{Uscc(1)}}", "name": "郑州攀登精工有限公司", "district": "金水区", "traits": ["industrial"],
          "honors": [ { "kind": "innovative-sme", "date": "2022-05-01" }, { "kind": "provincial-zjtx", "date": "2023-06-01" },
                      { "kind": "national-xiaojuren", "date": "2024-07-01" } ] }
        """);

    /// <summary>Near the above-scale line in 2021 (1800万), above it from 2022 (2600万): in the reserve for 2022, out in 2023.</summary>
    private static Dossier Riser() => Read($$"""
        { "uscc": "{{Uscc(2)}}", "name": "郑州升规机械有限公司", "district": "二七区", "traits": ["industrial", "manufacturing"],
          "figures": { "mainRevenue": { "2021": 18000000, "2022": 26000000, "2023": 30000000 } } }
        """);

    [Theory]
    [BothDatabases]
    public async Task The_yearly_selection_records_entries_tier_changes_and_leavings_and_a_second_run_changes_nothing(Db db)
    {
        var l = await databases.LedgerAsync(db);
        await l.Store.PutManyAsync([Climber(), Riser()], "test");

        var results = await l.Selection.RunAsync([2022, 2023, 2024], "test");
        Assert.Equal([2022, 2023, 2024], results.Select(r => r.Year));

        var climber = (await l.Register.HistoryAsync(Actor.System("test"), LibraryDefinitions.Zjtx, Uscc(1)))!;
        Assert.True(climber.Active);
        Assert.Equal("upgrade", climber.Tier);
        Assert.Equal(2022, climber.SinceYear);
        Assert.Equal(
            [(LibraryEventRow.Entered, 2022, (string?)null, (string?)"reserve"), (LibraryEventRow.TierChanged, 2023, "reserve", "cultivate"), (LibraryEventRow.TierChanged, 2024, "cultivate", "upgrade")],
            climber.Events.Select(e => (e.Kind, e.Year, e.FromTier, e.Tier)));
        Assert.All(climber.Events, e => Assert.Equal(LibraryEventRow.BySelection, e.By));
        Assert.Contains("国家级专精特新“小巨人”企业", climber.Events[^1].Reason, StringComparison.Ordinal);
        // The bank whitelist from the provincial title on.
        var whitelist = (await l.Register.HistoryAsync(Actor.System("test"), LibraryDefinitions.Whitelist, Uscc(1)))!;
        Assert.Equal(2023, whitelist.SinceYear);

        var riser = (await l.Register.HistoryAsync(Actor.System("test"), LibraryDefinitions.SmallToAbove, Uscc(2)))!;
        Assert.False(riser.Active);
        Assert.Equal([(LibraryEventRow.Entered, 2022), (LibraryEventRow.Left, 2023)], riser.Events.Select(e => (e.Kind, e.Year)));
        Assert.Contains("接近规上标准", riser.Events[0].Reason, StringComparison.Ordinal);
        Assert.Contains("已达规上标准（升规）", riser.Events[1].Reason, StringComparison.Ordinal);

        // Library sizes per year follow the histories.
        var sizes = await l.Register.SizesAsync(Actor.System("test"));
        Assert.Contains(new LibrarySize(2022, LibraryDefinitions.SmallToAbove, null, 1), sizes);
        Assert.DoesNotContain(sizes, s => s.Year == 2023 && s.Library == LibraryDefinitions.SmallToAbove);
        Assert.Contains(new LibrarySize(2024, LibraryDefinitions.Zjtx, "upgrade", 1), sizes);

        var before = await Snapshot(l);
        var again = (await l.Selection.RunAsync([2024], "test")).Single();
        Assert.Equal((0, 0, 0), (again.Entered, again.TierChanged, again.Left));
        Assert.Equal(before, await Snapshot(l));

        // The histories are written in order: an earlier year is refused.
        var refused = await Assert.ThrowsAsync<LedgerException>(() => l.Selection.RunAsync([2023], "test"));
        Assert.Contains("不能再运行更早的2023年度", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task A_removal_by_hand_shows_in_the_history_with_its_reason_and_holds_against_that_years_selection(Db db)
    {
        var l = await databases.LedgerAsync(db);
        await l.Store.PutManyAsync([Climber(), Riser()], "test");
        await l.Selection.RunAsync([2023], "test");

        // Another district cannot touch it: it is not there for them.
        var other = await Assert.ThrowsAsync<LedgerException>(() =>
            l.Register.RemoveAsync(Actor.DistrictReviewerOf("二七区", "test"), LibraryDefinitions.Zjtx, Uscc(1), "误操作", 2023, "erqi-review"));
        Assert.Contains("本辖区", other.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LedgerException>(() =>
            l.Register.AddAsync(Actor.DistrictReviewerOf("二七区", "test"), LibraryDefinitions.Listing, Uscc(1), null, "拟上市", 2023, "erqi-review"));

        await l.Register.RemoveAsync(Actor.DistrictReviewerOf("金水区", "test"), LibraryDefinitions.Zjtx, Uscc(1), "企业申请暂缓入库", 2023, "jinshui-review");
        await l.Selection.RunAsync([2023], "test");
        var m = (await l.Register.HistoryAsync(Actor.DistrictReviewerOf("金水区", "test"), LibraryDefinitions.Zjtx, Uscc(1)))!;
        Assert.False(m.Active);
        var last = m.Events[^1];
        Assert.Equal((LibraryEventRow.Left, 2023, "企业申请暂缓入库", "jinshui-review", true), (last.Kind, last.Year, last.Reason, last.By, last.Manual));
        Assert.Equal(2, m.Events.Count);

        // The next year's selection takes it in again, and the history goes on.
        await l.Selection.RunAsync([2024], "test");
        m = (await l.Register.HistoryAsync(Actor.System("test"), LibraryDefinitions.Zjtx, Uscc(1)))!;
        Assert.True(m.Active);
        Assert.Equal((LibraryEventRow.Entered, 2024, "upgrade"), (m.Events[^1].Kind, m.Events[^1].Year, m.Events[^1].Tier));

        // A manual addition needs a reason, and is kept when the selection would not choose it.
        await Assert.ThrowsAsync<LedgerException>(() => l.Register.AddAsync(Actor.DistrictReviewerOf("二七区", "test"), LibraryDefinitions.Listing, Uscc(2), null, " ", 2024, "erqi-review"));
        await l.Register.AddAsync(Actor.DistrictReviewerOf("二七区", "test"), LibraryDefinitions.Listing, Uscc(2), null, "已启动股改，列入区重点上市后备", 2024, "erqi-review");
        await l.Selection.RunAsync([2024], "test");
        var added = (await l.Register.HistoryAsync(Actor.DistrictReviewerOf("二七区", "test"), LibraryDefinitions.Listing, Uscc(2)))!;
        Assert.True(added.Active);
        Assert.Equal(("erqi-review", "已启动股改，列入区重点上市后备"), (added.Events.Single().By, added.Events.Single().Reason));
        // The Sangao library is Shangjie's alone.
        var sangao = await Assert.ThrowsAsync<LedgerException>(() => l.Register.AddAsync(Actor.System("test"), LibraryDefinitions.Sangao, Uscc(2), null, "试", 2024, "admin"));
        Assert.Contains("只收录上街区的企业", sangao.Message, StringComparison.Ordinal);
    }

    private static async Task<string> Snapshot(Ledger l)
    {
        await using var db = l.Database.CreateDbContext();
        var members = db.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Id}|{m.Library}|{m.Uscc}|{m.Tier}|{m.Active}|{m.SinceYear}|{m.LeftYear}|{m.Reason}").ToList();
        var events = db.LibraryEvents.OrderBy(e => e.Id).Select(e => $"{e.Id}|{e.Kind}|{e.Year}|{e.Tier}|{e.Reason}").ToList();
        return string.Join("\n", members.Concat(events));
    }
}
