using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>
/// A clause part with its own span of days (<c>window:</c> on a part): how a parameter revised from a day is held — one
/// part per span, each paying only the events inside its span and inside the document's window.
/// </summary>
public sealed class PartWindowTests
{
    private const string Rule = """
    rule: project-share
    params:
      kind: tech-reform
      minTotalInvestment: 1000万
      rate: 10%
      seiRate: 15%
      cap: 1000万
    tests:
      - name: 战新技改项目设备2400万元×15%=360万元
""";

    /// <summary>zz2023-23/9 with its cap raised to 1500万 for projects completed from 2025-07-01.</summary>
    private const string Sliced = """
    parts:
      - rule: project-share
        window: { to: 2025-06-30 }
        params: { kind: tech-reform, minTotalInvestment: 1000万, rate: 10%, seiRate: 15%, cap: 1000万 }
      - rule: project-share
        window: { from: 2025-07-01 }
        params: { kind: tech-reform, minTotalInvestment: 1000万, rate: 10%, seiRate: 15%, cap: 1500万 }
    tests:
      - name: 战新技改项目设备2400万元×15%=360万元
""";

    private static CatalogLoadResult Load(string parts)
    {
        var files = new Dictionary<string, string>(PolicySource.Embedded(), StringComparer.Ordinal);
        var yaml = files["policies/zz2023-23.yaml"];
        Assert.Contains(Rule, yaml, StringComparison.Ordinal);
        files["policies/zz2023-23.yaml"] = yaml.Replace(Rule, parts, StringComparison.Ordinal);
        return CatalogLoader.Load(files);
    }

    private static Answer Evaluate(PolicyCatalog catalog, string completedOn, int year)
    {
        // Equipment 1亿 × 15% = 1500万: the old cap pays 1000万, the new one 1500万.
        var json = $$"""{"uscc":"91410100MA3159566W","name":"技改企业","district":"郑州高新区","projects":[{"id":"P9","kind":"tech-reform","sei":true,"totalInvestment":150000000,"equipmentInvestment":100000000,"completedOn":"{{completedOn}}"}]}""";
        return new Evaluator(catalog).Evaluate(DossierReader.Read(json).Dossier!, year);
    }

    [Fact]
    public void Each_part_pays_the_events_of_its_own_span()
    {
        var loaded = Load(Sliced);
        Assert.Empty(loaded.Errors);
        var clause = loaded.Catalog!.ClausesById["zz2023-23/9"];
        Assert.Equal([new DateRange(DateOnly.MinValue, new DateOnly(2025, 6, 30)), new DateRange(new DateOnly(2025, 7, 1), DateOnly.MaxValue)], clause.Parts.Select(p => p.Window!.Value));

        // The last day of the old span: the 1000万 cap.
        var before = Evaluate(loaded.Catalog, "2025-06-30", 2025);
        Assert.Equal(10_000_000m, Assert.Single(before.Awards).Amount);
        Assert.Contains(before.NotPaid, n => n.Clause == "zz2023-23/9" && n.Reason.Contains("2025-07-01起", StringComparison.Ordinal));

        // The first day of the new span: 1亿 × 15% = 1500万, the new cap exactly.
        var after = Evaluate(loaded.Catalog, "2025-07-01", 2025);
        Assert.Equal(15_000_000m, Assert.Single(after.Awards).Amount);
        Assert.Contains(after.NotPaid, n => n.Clause == "zz2023-23/9" && n.Reason.Contains("2025-06-30及以前", StringComparison.Ordinal));

        // A year the new span alone covers: the old part is not tried at all, so it leaves no line.
        var later = Evaluate(loaded.Catalog, "2026-03-01", 2026);
        Assert.Equal(15_000_000m, Assert.Single(later.Awards).Amount);
        Assert.DoesNotContain(later.NotPaid, n => n.Clause == "zz2023-23/9");
    }

    [Fact]
    public void A_part_window_narrows_the_document_window_never_widens_it()
    {
        // The new span is open-ended, but zz2023-23 runs to 2026-11-26: a project completed after that is not paid.
        var loaded = Load(Sliced);
        var answer = Evaluate(loaded.Catalog!, "2026-12-01", 2026);
        Assert.Empty(answer.Awards);
        Assert.Contains(answer.NotPaid, n => n.Clause == "zz2023-23/9" && n.Reason.Contains("有效期至2026-11-26", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("window: { }", "from 或 to")]
    [InlineData("window: { from: 2025-07-01, to: 2025-06-30 }", "晚于")]
    [InlineData("window: { form: 2025-07-01 }", "form")]
    public void A_malformed_part_window_is_an_error_with_its_line(string window, string expected)
    {
        var loaded = Load(Sliced.Replace("window: { from: 2025-07-01 }", window, StringComparison.Ordinal));
        var error = Assert.Single(loaded.Errors);
        Assert.Equal("policies/zz2023-23.yaml", error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
