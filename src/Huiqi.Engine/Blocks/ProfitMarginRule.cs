using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// sj-sangao/2.2: a profit margin (营业收入利润率) at least 2, 1.7 or 1.5 times the city's same-industry average,
/// paid by the highest multiple reached.
/// </summary>
public sealed class ProfitMarginRule : IClauseRule
{
    /// <summary>Paid on a year's profit margin.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly TierTable _multiples;

    public ProfitMarginRule(ParamReader p) => _multiples = TierTable.Read(p, "multiples");

    public void Evaluate(RuleContext ctx)
    {
        var year = Period.OfYear(ctx.Year);
        var f = ctx.Dossier.Figures;
        if (f.Get("profit", year) is not { } profit || f.Get("operatingRevenue", year) is not { } revenue || revenue <= 0)
        {
            return;
        }

        if (f.Get("peerProfitMargin", year) is not { } peer || peer <= 0)
        {
            ctx.Check($"缺少{ctx.Year}年市域同行业平均营业收入利润率", false);
            return;
        }

        var margin = profit / revenue;
        var multiple = margin / peer;
        var tier = _multiples.Reached(multiple);
        ctx.Check($"{ctx.Year}年营业收入利润率{Zh.Percent(margin)}为同行业平均{Zh.Percent(peer)}的{Zh.NumberAgainst(multiple, _multiples.Tiers[0].AtLeast)}倍，须≥{Zh.Number(_multiples.Tiers[0].AtLeast)}倍", tier is not null);
        if (tier is not null)
        {
            var because = $"{ctx.Year}年利润总额{Zh.Money(profit)}÷营业收入{Zh.Money(revenue)}=利润率{Zh.Percent(margin)}，达到市域同行业平均{Zh.Percent(peer)}的{Zh.Number(tier.AtLeast)}倍以上（含），奖励{Zh.Money(tier.Pays)}";
            if (ctx.LeftOfYear(tier.Pays, null, null, ref because) is var pay and > 0)
            {
                ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), because);
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies("营业收入利润率（利润总额÷营业收入）高于市域同行业平均水平的企业。");
        reading.Pays("按营业收入利润率为市域同行业平均水平的倍数奖励：" + Say.Tiers(_multiples, m => $"{Zh.Number(m)}倍"));
        reading.Limit("每年按达到的最高一档奖励一次。");
        var tier = _multiples.Tiers[0];
        var year = reading.Year;
        var margin = 0.1m * (tier.AtLeast + 0.1m);
        var figures = new JsonObject
        {
            ["profit"] = Say.Series((year, 100_000_000m * margin)),
            ["operatingRevenue"] = Say.Series((year, 100_000_000m)),
            ["peerProfitMargin"] = Say.Series((year, 0.1m)),
        };
        reading.Typical($"某企业{year}年营业收入{Zh.Money(100_000_000m)}、利润总额{Zh.Money(100_000_000m * margin)}，市域同行业平均营业收入利润率10%", new JsonObject { ["figures"] = figures });
    }

    #endregion
}
