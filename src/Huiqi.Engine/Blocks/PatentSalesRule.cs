using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zz2023-23/13: an invention patent's product reaching yearly sales within two years of the grant (专利产品2年内年销售收入
/// 达到2000万元以上), paid once per patent for the first such year, as a capped share of that year's sales.
/// </summary>
public sealed class PatentSalesRule : IClauseRule
{
    /// <summary>Paid on a year's sales of the patented product.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly decimal _minSales;
    private readonly decimal _rate;
    private readonly decimal? _cap;
    private readonly int _withinYears;

    public PatentSalesRule(ParamReader p)
    {
        _minSales = p.Amount("minSales");
        _rate = p.Rate("rate");
        _cap = p.Cap();
        _withinYears = p.Int("withinYears");
    }

    public void Evaluate(RuleContext ctx)
    {
        foreach (var patent in Items.Of(ctx.Dossier.PatentProducts))
        {
            var limit = patent.GrantedOn.AddYears(_withinYears);
            int? first = null;
            for (var y = patent.GrantedOn.Year; new DateOnly(y, 12, 31) <= limit; y++)
            {
                if (patent.Sales.TryGetValue(y, out var s) && s >= _minSales)
                {
                    first = y;
                    break;
                }
            }

            if (first != ctx.Year)
            {
                if (patent.Sales.ContainsKey(ctx.Year))
                {
                    ctx.Check($"发明专利{patent.Id}（{patent.GrantedOn:yyyy-MM-dd}授权）首个销售收入达到{Zh.Money(_minSales)}且在{_withinYears}年内的年度为{(first is { } f ? f + "年" : "无")}，不是{ctx.Year}年", false);
                }

                continue;
            }

            if (ctx.Paid(patent.Id) > 0)
            {
                ctx.NotPaid(patent.Id, $"发明专利{patent.Id}的产品已获奖励，每个专利产品只奖励一次");
                continue;
            }

            var sales = patent.Sales[ctx.Year];
            var raw = Money.FloorYuan(sales * _rate);
            var pay = Money.Min(raw, _cap);
            var text = $"发明专利{patent.Id}（{Zh.Date(patent.GrantedOn)}授权）产品{ctx.Year}年销售收入{Zh.Money(sales)}≥{Zh.Money(_minSales)}（授权后{_withinYears}年内），{Zh.Money(sales)}×{Zh.Percent(_rate)}={Zh.Money(raw)}";
            if (_cap is { } cap)
            {
                text += raw > cap ? $"，超过{Zh.Money(cap)}上限，按上限奖励{Zh.Money(cap)}" : $"，未超过{Zh.Money(cap)}上限";
            }

            ctx.Check(text, true);
            ctx.Award(patent.Id, pay, new DateOnly(ctx.Year, 12, 31), text);
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies($"拥有发明专利、其专利产品在授权后{_withinYears}年内年销售收入{Say.AtLeast(Zh.Money(_minSales))}的企业。");
        reading.Pays($"按首个达到该标准年度的专利产品销售收入的{Zh.Percent(_rate)}给予奖励（按元向下取整）。");
        reading.Limit(Say.Cap(_cap, "每个专利产品"));
        reading.Limit("每个专利产品只奖励一次。");
        var year = reading.Year;
        foreach (var sales in new[] { _minSales * 1.5m, _cap is { } c ? Say.Round(c / _rate * 1.2m) : _minSales * 3 }.Distinct())
        {
            var patent = new JsonObject
            {
                ["id"] = "甲",
                ["grantedOn"] = $"{year - 1}-03-01",
                ["sales"] = Say.Series((year, sales)),
            };
            reading.Typical($"某企业发明专利于{year - 1}年3月1日授权，其产品{year}年销售收入{Zh.Money(sales)}", Say.Facts("patentProducts", patent));
        }
    }

    #endregion
}
