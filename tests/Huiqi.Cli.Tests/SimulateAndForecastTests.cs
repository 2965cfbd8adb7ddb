using System.Text.Json;
using MiniExcelLibs;
using static Huiqi.Cli.Tests.CliRun;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Cli.Tests;

/// <summary><c>huiqi simulate</c> and <c>huiqi forecast</c> as a user runs them: exit codes, stdout, stderr, the xlsx.</summary>
public sealed class SimulateAndForecastTests
{
    private static string Temp(string content, string ext = ".jsonl")
    {
        var path = Path.Combine(Path.GetTempPath(), "huiqi-sim-" + Guid.NewGuid().ToString("N") + ext);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Jsonl(params string[] lines) => Temp(string.Join("\n", lines) + "\n");

    /// <summary>Two zzw2022-155/2 awards of 2023: 40000 and 60000 (see ShippedReformTests for the arithmetic).</summary>
    private static readonly string[] Q1Growth =
    [
        Line(1, "荥阳市", "'traits':['manufacturing','above-scale'],'figures':{'operatingRevenue':{'2022Q1':150000000,'2023Q1':172500000}}"),
        Line(2, "新郑市", "'traits':['manufacturing','above-scale'],'figures':{'operatingRevenue':{'2022Q1':100000000,'2023Q1':135000000}}"),
    ];

    [Fact]
    public async Task Simulate_json_reports_totals_by_clause_district_and_payer()
    {
        var (code, output, err) = await Run("simulate", "--reform", "split-60-40", "--year", "2023", "--population", Jsonl(Q1Growth), "--json");
        Assert.Equal(ExitCode.Ok, code);
        using var json = JsonDocument.Parse(output);
        var r = json.RootElement;
        Assert.Equal(100_000m, r.GetProperty("baseline").GetDecimal());
        Assert.Equal(100_000m, r.GetProperty("reform").GetDecimal());
        Assert.Equal(0m, r.GetProperty("delta").GetDecimal());
        Assert.Equal(100_000m, r.GetProperty("byClause").GetProperty("zzw2022-155/2").GetProperty("reform").GetDecimal());
        Assert.Equal(40_000m, r.GetProperty("byDistrict").GetProperty("荥阳市").GetProperty("baseline").GetDecimal());
        // city 50000 → 60000; districts 50000 → 40000.
        Assert.Equal(10_000m, r.GetProperty("byPayer").GetProperty("city").GetProperty("delta").GetDecimal());
        Assert.Equal(-10_000m, r.GetProperty("byPayer").GetProperty("district").GetProperty("delta").GetDecimal());
        Assert.Equal((0, 0, 2), (r.GetProperty("gainers").GetInt32(), r.GetProperty("losers").GetInt32(), r.GetProperty("unchanged").GetInt32()));
        Assert.Empty(r.GetProperty("noEffect").EnumerateArray());
        Assert.DoesNotContain("WARNING", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_with_no_effect_is_a_warning_naming_it_and_strict_fails()
    {
        var population = Jsonl(Q1Growth);
        var (code, output, err) = await Run("simulate", "--reform", "tech-reform-cap-1500", "--year", "2023", "--population", population, "--json");
        Assert.Equal(ExitCode.Ok, code);
        using var json = JsonDocument.Parse(output);
        var none = Assert.Single(json.RootElement.GetProperty("noEffect").EnumerateArray());
        Assert.Equal("policies/reforms/tech-reform-cap-1500.yaml", none.GetProperty("file").GetString());
        Assert.Equal(11, none.GetProperty("line").GetInt32());
        Assert.Contains("WARNING", err, StringComparison.Ordinal);
        Assert.Contains("policies/reforms/tech-reform-cap-1500.yaml:11 zz2023-23/9", err, StringComparison.Ordinal);

        (code, output, _) = await Run("simulate", "--reform", "tech-reform-cap-1500", "--year", "2023", "--population", population, "--strict");
        Assert.Equal(ExitCode.Failure, code);
        Assert.Contains("NO EFFECT", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reform_file_with_an_unknown_clause_is_refused_with_its_file_and_line()
    {
        var reform = Temp("reform: { id: bad, title: 错误示例 }\nchanges:\n  - { clause: zz2023-23/99, param: cap, value: 1500万 }\n", ".yaml");
        var (code, output, err) = await Run("simulate", "--reform", reform, "--year", "2025", "--population", Jsonl(Q1Growth));
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains($"{reform}:3:", err, StringComparison.Ordinal);
        Assert.Contains("zz2023-23/99", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_is_a_population_too()
    {
        var path = Path.Combine(Path.GetTempPath(), "huiqi-sim-" + Guid.NewGuid().ToString("N") + ".db");
        var database = new Huiqi.Store.HuiqiDatabase(path);
        await database.MigrateAsync();
        await new Huiqi.Store.DossierStore(database).PutManyAsync(Q1Growth.Select(l => Engine.Input.DossierReader.Read(l).Dossier!), "test");
        var (code, output, err) = await Run("simulate", "--reform", "split-60-40", "--year", "2023", "--db", path, "--json");
        Assert.True(code == ExitCode.Ok, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("dossiers").GetInt32());
        Assert.Equal(10_000m, json.RootElement.GetProperty("byPayer").GetProperty("city").GetProperty("delta").GetDecimal());
    }

    [Fact]
    public async Task A_reform_is_found_by_name_in_the_reforms_folder_of_a_catalogue_being_edited()
    {
        var dir = Path.Combine(Path.GetTempPath(), "huiqi-cat-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Huiqi.Policies.PolicySource.Embedded())
        {
            var target = Path.Combine(dir, path["policies/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.WriteAllText(target, text);
        }

        Directory.CreateDirectory(Path.Combine(dir, "reforms"));
        System.IO.File.WriteAllText(Path.Combine(dir, "reforms", "split-70-30.yaml"), "reform: { id: split-70-30, title: 市区70:30 }\nchanges:\n  - { document: zzw2022-155, split: { city: 70, district: 30 } }\n");
        var (code, output, err) = await Run("simulate", "--catalog", dir, "--reform", "split-70-30", "--year", "2023", "--population", Jsonl(Q1Growth), "--json");
        Assert.True(code == ExitCode.Ok, err);
        using var json = JsonDocument.Parse(output);
        // city 20000 + 30000 → floor(40000 × 70%) + floor(60000 × 70%) = 28000 + 42000 = 70000.
        Assert.Equal(70_000m, json.RootElement.GetProperty("byPayer").GetProperty("city").GetProperty("reform").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_reform_name_lists_the_shipped_ones()
    {
        var (code, _, err) = await Run("simulate", "--reform", "split-50-50", "--year", "2023", "--population", Jsonl(Q1Growth));
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Contains("split-60-40", err, StringComparison.Ordinal);
        Assert.Contains("tech-reform-cap-1500", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_population_is_required()
    {
        var previous = Environment.GetEnvironmentVariable("HUIQI_DB");
        Environment.SetEnvironmentVariable("HUIQI_DB", null);
        try
        {
            var (code, _, err) = await Run("simulate", "--reform", "split-60-40", "--year", "2023");
            Assert.Equal(ExitCode.BadInput, code);
            Assert.Contains("--population", err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HUIQI_DB", previous);
        }
    }

    [Fact]
    public async Task A_bad_line_is_reported_and_skipped_the_rest_goes_on()
    {
        var (code, output, err) = await Run("simulate", "--reform", "split-60-40", "--year", "2023", "--population", Jsonl(Q1Growth[0], "{not json", Q1Growth[1]), "--json");
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Contains("line 2", err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("dossiers").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("badLines").GetInt32());
        Assert.Equal(100_000m, json.RootElement.GetProperty("reform").GetDecimal());
    }

    [Fact]
    public async Task The_xlsx_holds_the_summary_the_changes_and_every_changed_line()
    {
        var xlsx = Path.Combine(Path.GetTempPath(), "huiqi-sim-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var (code, output, _) = await Run("simulate", "--reform", "split-60-40", "--year", "2023", "--population", Jsonl(Q1Growth), "--xlsx", xlsx);
        Assert.Equal(ExitCode.Ok, code);
        Assert.Contains("市级 city", output, StringComparison.Ordinal);
        Assert.Equal(["汇总 summary", "变更 changes", "明细 detail"], MiniExcel.GetSheetNames(xlsx));
        var detail = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "明细 detail").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, detail.Count);
        // 40000: city 20000 → 24000, district 20000 → 16000.
        var first = detail[0];
        Assert.Equal(Uscc(1), first["统一社会信用代码 uscc"]);
        Assert.Equal(24_000m, Convert.ToDecimal(first["市级调整后 city reform"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(16_000m, Convert.ToDecimal(first["区县调整后 district reform"], System.Globalization.CultureInfo.InvariantCulture));
        var changes = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "变更 changes").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(2m, Convert.ToDecimal(changes["影响企业数 affected"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Forecast_grows_the_latest_year_and_sets_the_budget_against_it()
    {
        // zz2023-23/7, year 2025 → forecast 2026. A sensor maker in the library, mainRevenue 2亿 (2024) → 2.3亿 (2025),
        // +15 %: 3 steps × 10万 = 30万 in 2025. Next year at 8 % ± 4 %: 2.3亿 × 1.04 / 1.08 / 1.12 is growth 4 %, 8 %,
        // 12 %: 0, 1 and 2 whole 5-point steps: 0, 10万, 20万 (event 2026-12-31 is after zz2023-23 ends on 2026-11-26,
        // so with the catalogue as it is 0 in every band; with the document renewed, 0 / 10万 / 20万).
        var sensor = Line(1, "郑州高新区", "'traits':['manufacturing','in-library'],'sectors':['sensor'],'figures':{'mainRevenue':{'2024':200000000,'2025':230000000}}");
        var budget = Temp("budgets:\n  - { clause: zz2023-23/7, year: 2026, amount: 15万 }\n", ".yaml");
        var (code, output, err) = await Run("forecast", "--year", "2025", "--growth-default", "8%", "--population", Jsonl(sensor), "--json");
        Assert.Equal(ExitCode.Ok, code);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(300_000m, json.RootElement.GetProperty("latest").GetDecimal());
            Assert.Equal(0m, json.RootElement.GetProperty("high").GetDecimal());
        }

        (code, output, err) = await Run("forecast", "--year", "2025", "--growth-default", "8%", "--reform", "extend-zz2023-23", "--budget", budget, "--population", Jsonl(sensor), "--json");
        Assert.True(code == ExitCode.Ok, err);
        using (var json = JsonDocument.Parse(output))
        {
            var r = json.RootElement;
            Assert.Equal((0m, 100_000m, 200_000m), (r.GetProperty("low").GetDecimal(), r.GetProperty("central").GetDecimal(), r.GetProperty("high").GetDecimal()));
            Assert.Equal(200_000m, r.GetProperty("byDistrict").GetProperty("郑州高新区").GetProperty("high").GetDecimal());
            var b = Assert.Single(r.GetProperty("budgets").EnumerateArray());
            // 15万 budget: central 10万 within it, high 20万 over it.
            Assert.Equal("at-risk", b.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Forecast_growth_file_is_checked_with_file_and_line()
    {
        var growth = Temp("district,metric,central\n上街区,mainRevenue,12%\n郑州市,mainRevenue,5%\n", ".csv");
        var (code, _, err) = await Run("forecast", "--year", "2025", "--growth", growth, "--population", Jsonl(Q1Growth));
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Contains($"{growth}:3:", err, StringComparison.Ordinal);
    }
}
