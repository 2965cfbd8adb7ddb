using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>A catalogue with a fault is refused, naming the file and line, so nothing wrong pays silently.</summary>
public sealed class CatalogCheckTests
{
    private static Dictionary<string, string> Files() => new(PolicySource.Embedded());

    private static CatalogLoadResult LoadWith(string file, Func<string, string> edit)
    {
        var files = Files();
        files[file] = edit(files[file]);
        return CatalogLoader.Load(files);
    }

    private static int LineOf(string file, string text) =>
        Files()[file].Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void A_removed_cap_is_an_error_naming_file_and_line()
    {
        // The cap of zz2023-23/5 (同一企业每年最高奖励不超过1000万元) deleted: not "no cap", an error.
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("      step: { size: 50亿, pays: 200万 }\n      cap: 1000万\n", "      step: { size: 50亿, pays: 200万 }\n", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Equal("policies/zz2023-23.yaml", error.File);
        Assert.Contains("cap", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf("policies/zz2023-23.yaml", "metric: mainRevenue"), error.Line);
        Assert.Null(result.Catalog);
    }

    [Fact]
    public void A_step_of_nothing_is_an_error_not_an_endless_ladder()
    {
        // zz2023-23/5's 50亿 step written as 0: counting steps divides by it, and walking them never ended.
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("step: { size: 50亿, pays: 200万 }", "step: { size: 0, pays: 200万 }", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors, e => e.Message.Contains("size", StringComparison.Ordinal));
        Assert.Equal("policies/zz2023-23.yaml", error.File);
        Assert.Null(result.Catalog);
    }

    [Fact]
    public void An_unknown_field_is_an_error_at_its_line()
    {
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("      perStep: 10万\n", "      perStep: 10万\n      perstep: 20万\n", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Contains("perstep", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf("policies/zz2023-23.yaml", "perStep: 10万") + 1, error.Line);
    }

    [Fact]
    public void A_quote_not_in_the_original_text_is_an_error()
    {
        // 15% misquoted as 25%: the catalogue must not drift from the document it implements.
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("分别按照不超过项目生产和技术设备投资额的15%、10%给予奖励", "分别按照不超过项目生产和技术设备投资额的25%、10%给予奖励", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Contains("原文", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_precedence_naming_an_unknown_clause_is_an_error()
    {
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("over: zzb2022-zjtx/2", "over: zzb2022-zjtx/99", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Contains("zzb2022-zjtx/99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_short_of_its_cases_is_refused()
    {
        // Drop the boundary flags of zz2023-23/10: it would have no case at the exact boundary.
        var result = LoadWith("policies/zz2023-23.yaml", y => y.Replace("      - name: 设备和软件恰好5000万元×20%=1000万元，恰为上限\n        year: 2024\n        boundary: true\n", "      - name: 设备和软件恰好5000万元×20%=1000万元，恰为上限\n        year: 2024\n", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Contains("zz2023-23/10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_expected_amount_fails_its_case()
    {
        // The runner really compares: 360万 changed to 361万 must fail.
        var files = Files();
        files["policies/zz2023-23.yaml"] = files["policies/zz2023-23.yaml"].Replace("        amount: 360万\n", "        amount: 361万\n", StringComparison.Ordinal);
        var catalog = CatalogLoader.Load(files).Catalog!;
        var failed = ClauseTestRunner.RunAll(catalog).Where(r => !r.Passed).ToList();
        var f = Assert.Single(failed);
        Assert.Equal("zz2023-23/9", f.Clause.Id);
    }

    [Fact]
    public void Reading_switches_are_named_and_can_be_chosen()
    {
        var result = PolicySource.Load();
        var names = result.Switches.Met.Select(s => s.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "chain-base", "exhibition-base", "export-points", "unicorn-upgrade", "highest-only-scope", "ranking-cap-scope", "ladder-base" }, names);

        var flipped = PolicySource.Load(null, new Dictionary<string, string> { ["exhibition-base"] = "above-threshold" });
        Assert.Equal("above-threshold", flipped.Switches.Met.Single(s => s.Name == "exhibition-base").Value);
    }
}
