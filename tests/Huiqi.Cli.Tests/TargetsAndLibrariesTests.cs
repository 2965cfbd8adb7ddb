using System.Text.Json;
using Huiqi.Engine.Input;
using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using static Huiqi.Cli.Tests.CliRun;

namespace Huiqi.Cli.Tests;

/// <summary><c>huiqi targets</c> and <c>huiqi libraries</c> as a city officer runs them.</summary>
public sealed class TargetsAndLibrariesTests
{
    private static string Population(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "huiqi-pop-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Annex_1_gives_64_targets_with_the_values_of_the_table()
    {
        var (code, output, _) = await Run("targets", "--year", "2020", "--population", Population());
        Assert.Equal(ExitCode.Ok, code);
        using var json = JsonDocument.Parse(output);
        var annex = json.RootElement.EnumerateArray().Where(t => t.GetProperty("clause").GetString() == "zzb2020-19/附件1").ToList();
        Assert.Equal(64, annex.Count);
        Assert.Equal(16, annex.Select(t => t.GetProperty("scope").GetString()).Distinct().Count());
        decimal Value(string district, string indicator) => annex.Single(t => t.GetProperty("scope").GetString() == district && t.GetProperty("indicator").GetString() == indicator).GetProperty("value").GetDecimal();
        // Rows of the table: 中原区 规上制造业 3；金水区 新增入库 2；郑州航空港区 工业投资 15；巩义市 增加值 7.5.
        Assert.Equal(3m, Value("中原区", "规上制造业增加值增速"));
        Assert.Equal(2m, Value("金水区", "规上工业新增入库企业数量"));
        Assert.Equal(15m, Value("郑州航空港区", "工业投资增速"));
        Assert.Equal(7.5m, Value("巩义市", "规上工业增加值增速"));
        // A reported indicator with no report yet is null, never 0.
        Assert.Equal(JsonValueKind.Null, annex.First(t => t.GetProperty("indicator").GetString() == "工业投资增速").GetProperty("actual").ValueKind);
    }

    [Fact]
    public async Task Registry_counts_give_actual_and_status()
    {
        // 金水区 targets 2 new above-scale entries in 2020; one enterprise entered in 2020, one in 2019: actual 1, behind.
        var population = Population(
            """{"uscc":"91410100MA3159566W","name":"甲","district":"金水区","honors":[{"kind":"above-scale-entry","date":"2020-06-30"}]}""",
            """{"uscc":"91410100MA18931346","name":"乙","district":"金水区","honors":[{"kind":"above-scale-entry","date":"2019-06-30"}]}""");
        var (code, output, _) = await Run("targets", "--year", "2020", "--population", population);
        Assert.Equal(ExitCode.Ok, code);
        using var json = JsonDocument.Parse(output);
        var t = json.RootElement.EnumerateArray().Single(x => x.GetProperty("scope").GetString() == "金水区" && x.GetProperty("indicator").GetString() == "规上工业新增入库企业数量");
        Assert.Equal(1m, t.GetProperty("actual").GetDecimal());
        Assert.Equal("behind", t.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_2025_zjtx_targets_are_listed()
    {
        var (_, output, _) = await Run("targets", "--year", "2025", "--population", Population());
        using var json = JsonDocument.Parse(output);
        var zjtx = json.RootElement.EnumerateArray().Where(t => t.GetProperty("document").GetString() == "zzb2022-zjtx").ToList();
        Assert.Contains(zjtx, t => t.GetProperty("indicator").GetString() == "国家专精特新“小巨人”企业数量" && t.GetProperty("value").GetDecimal() == 130m);
        Assert.Contains(zjtx, t => t.GetProperty("indicator").GetString() == "创新型中小企业数量" && t.GetProperty("value").GetDecimal() == 8000m);
    }

    [Fact]
    public async Task Libraries_list_members_with_the_reason_they_qualify()
    {
        var population = Population(
            """{"uscc":"91410100MA3159566W","name":"上街高新","district":"上街区","honors":[{"kind":"national-hightech","date":"2021-01-01"}]}""",
            """{"uscc":"91410100MA18931346","name":"上街失信","district":"上街区","traits":["blacklisted"],"honors":[{"kind":"national-hightech","date":"2021-01-01"}]}""",
            """{"uscc":"91410100MA119312XG","name":"金水小巨人","district":"金水区","honors":[{"kind":"national-xiaojuren","date":"2023-01-01"}]}""");
        var (code, output, _) = await Run("libraries", "--year", "2024", "--population", population);
        Assert.Equal(ExitCode.Ok, code);
        Assert.Contains("91410100MA3159566W\t上街高新\t上街区\t国家级高新技术企业", output, StringComparison.Ordinal);
        Assert.DoesNotContain("上街失信", output, StringComparison.Ordinal);
        Assert.Contains("91410100MA119312XG\t金水小巨人\t金水区\t持有国家级专精特新“小巨人”企业称号", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_the_registry_the_libraries_are_the_ledger_at_the_year_end_with_additions_by_hand()
    {
        var db = Path.Combine(Path.GetTempPath(), "huiqi-lib-" + Guid.NewGuid().ToString("N") + ".db");
        var connection = $"Data Source={db}";
        var registry = new HuiqiDatabase(connection);
        await registry.MigrateAsync();
        var store = new DossierStore(registry);
        await store.PutManyAsync(
        [
            DossierReader.Read("""{"uscc":"91410100MA119312XG","name":"金水小巨人","district":"金水区","honors":[{"kind":"national-xiaojuren","date":"2023-01-01"}]}""").Dossier!,
            DossierReader.Read("""{"uscc":"91410100MA3159566W","name":"金水拟上市","district":"金水区"}""").Dossier!,
        ], "test");
        var ledger = new TaskLedgerDatabase(connection);
        await ledger.MigrateAsync();
        await new LibrarySelection(ledger, store, PolicySource.Default(), TimeProvider.System).RunAsync([2024], "test");
        var register = new LibraryRegister(ledger, store, TimeProvider.System);
        await register.AddAsync(Actor.DistrictReviewerOf("金水区", "test"), LibraryDefinitions.Listing, "91410100MA3159566W", null, "已完成股改，拟于2025年申报", 2024, "jinshui-review");

        var (code, output, _) = await Run("libraries", "--year", "2024", "--db", db);
        Assert.Equal(ExitCode.Ok, code);
        // The selection's reason for the 小巨人, the district's own reason for the listing reserve, marked as by hand.
        Assert.Contains("91410100MA119312XG\t金水小巨人\t金水区\t持有国家级专精特新“小巨人”企业称号", output, StringComparison.Ordinal);
        Assert.Contains("上市挂牌后备资源库（listing-reserve）2024年：1 户（培育库台账年末在库）", output, StringComparison.Ordinal);
        Assert.Contains("91410100MA3159566W\t金水拟上市\t金水区\t已完成股改，拟于2025年申报（人工入库）", output, StringComparison.Ordinal);

        // The ledger as it stood at the end of 2023, before the selection ran for 2024: nobody.
        var (_, before, _) = await Run("libraries", "--year", "2023", "--db", db);
        Assert.DoesNotContain("金水", before, StringComparison.Ordinal);
    }
}
