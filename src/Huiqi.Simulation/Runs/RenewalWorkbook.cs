using Huiqi.Engine.Evaluation;
using System.Globalization;
using Huiqi.Store.Import;

namespace Huiqi.Simulation.Runs;

/// <summary>
/// The renewal's cost as an Excel workbook with Chinese headers (续期测算): 汇总 (the question, both answers, the growth
/// used), 按条款, 按区县 and 按出资方, each with the year it expired and the next year side by side. Amounts are numbers in
/// yuan, so the finance bureau can sum them.
/// </summary>
public static class RenewalWorkbook
{
    public const string SummarySheet = "汇总";
    public const string ClauseSheet = "按条款";
    public const string DistrictSheet = "按区县";
    public const string PayerSheet = "按出资方";

    /// <summary>The question the page and the workbook answer, in the bureau's words.</summary>
    public static string Question(RenewalReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{r.DocumentNumber}续期要花多少钱：{r.Year}年剩余事项需多少，{r.NextYear}年需多少？";
    }

    /// <summary>What a kind of the current year's addition is, in plain words.</summary>
    public static string Kind(RenewalReport r, RenewalKind kind)
    {
        ArgumentNullException.ThrowIfNull(r);
        return kind == RenewalKind.YearFigures
            ? $"按{r.Year}年全年数据计算的奖励（营业收入台阶、增速、展会支出、供应链采购等，事件日按规定为{r.Year}年12月31日，在原有效期之外）"
            : $"{Day(r.RenewedFrom)}以后发生的事件（称号认定、项目竣工、榜单发布等）";
    }

    /// <summary>The growth the next year is forecast with, in plain words: 中值8%（低4%、高12%）.</summary>
    public static string Growth(GrowthAssumptions g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return $"中值{Percent(g.Central)}（低{Percent(g.Central - g.Spread)}、高{Percent(g.Central + g.Spread)}）{(g.Rules.Count > 0 ? $"，另有{g.Rules.Count}条分区县、分指标假设" : "")}";
    }

    public static byte[] Write(RenewalReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var now = $"{r.Year}年剩余事项（元）";
        var next = $"{r.NextYear}年预计（元）";
        var summary = new List<Dictionary<string, object?>>
        {
            Line("问题", Question(r), null),
            Line($"{r.Year}年剩余事项", $"{r.DocumentNumber}有效期至{Day(r.Expired)}；续期后{r.Year}年增加的支出", r.Remaining.Total),
        };
        summary.AddRange(r.ByKind.Select(k => Line($"  其中", Kind(r, k.Kind), k.Amount)));
        summary.Add(Line($"{r.NextYear}年预计", $"按增长假设{Growth(r.Growth)}推算{r.NextYear}年数据，续期后增加的支出（中值）", r.Next.Total));
        summary.Add(Line($"{r.NextYear}年预计（低）", "按低增长假设", r.NextLow));
        summary.Add(Line($"{r.NextYear}年预计（高）", "按高增长假设", r.NextHigh));
        summary.Add(Line("企业数", "登记库企业（户）", r.Dossiers));

        return Workbooks.Bytes(
        [
            (SummarySheet, summary),
            (ClauseSheet, r.ByClause.Select(c => new Dictionary<string, object?> { ["条款"] = c.Name, ["条款名称"] = c.Title, [now] = c.Remaining, [next] = c.Next })),
            (DistrictSheet, r.ByDistrict.Select(d => new Dictionary<string, object?>
            {
                ["区县"] = d.Name, [now] = d.Remaining, [$"其中区县财政（{r.Year}年，元）"] = d.RemainingDistrictShare,
                [next] = d.Next, [$"其中区县财政（{r.NextYear}年，元）"] = d.NextDistrictShare,
            })),
            (PayerSheet, r.ByPayer.Select(p => new Dictionary<string, object?> { ["出资方"] = p.Name, [now] = p.Remaining, [next] = p.Next })),
        ]);
    }

    private static Dictionary<string, object?> Line(string item, string what, decimal? amount) => new() { ["项目"] = item, ["说明"] = what, ["金额（元）"] = amount };

    private static string Day(DateOnly d) => Zh.Date(d);

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
