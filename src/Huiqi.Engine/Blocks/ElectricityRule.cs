using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/1: full-load production over the Spring Festival — the first quarter's electricity no lower than a year
/// earlier, and its monthly average at least a share of the previous year's highest month.
/// </summary>
public sealed class ElectricityRule : IClauseRule
{
    /// <summary>Paid on electricity used in a period.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly int _year;
    private readonly Requirements _requires;
    private readonly decimal _peakShare;
    private readonly decimal _pays;

    public ElectricityRule(ParamReader p)
    {
        _year = p.Int("year");
        _requires = Requirements.Read(p);
        _peakShare = p.Rate("peakShare");
        _pays = p.Amount("pays");
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Year != _year)
        {
            return;
        }

        var f = ctx.Dossier.Figures;
        decimal? Month(int y, int m) => f.Get("electricityKwh", Period.OfMonth(y, m));
        if (Month(_year, 1) is null && Month(_year, 2) is null && Month(_year, 3) is null)
        {
            return;
        }

        if (!_requires.Check(ctx))
        {
            return;
        }

        var missing = new List<string>();
        decimal thisQ = 0, lastQ = 0, peak = 0;
        for (var m = 1; m <= 12; m++)
        {
            if (m <= 3)
            {
                if (Month(_year, m) is { } a)
                {
                    thisQ += a;
                }
                else
                {
                    missing.Add($"{_year}-{m:00}");
                }
            }

            if (Month(_year - 1, m) is { } b)
            {
                peak = Math.Max(peak, b);
                if (m <= 3)
                {
                    lastQ += b;
                }
            }
            else
            {
                missing.Add($"{_year - 1}-{m:00}");
            }
        }

        if (ctx.AlreadyPaid(null, "春节期间满负荷生产奖励", wholeClause: true))
        {
            return;
        }

        if (missing.Count > 0)
        {
            missing.Sort(StringComparer.Ordinal);
            ctx.Check($"缺少用电量月度数据：{string.Join("、", missing)}", false);
            ctx.NotPaid(null, $"缺少用电量月度数据（{string.Join("、", missing)}），需{_year - 1}年全年12个月和{_year}年一季度");
            return;
        }

        var avg = thisQ / 3m;

        // The average is written beside the bar it is compared with: never rounded up onto it.
        var avgText = Zh.NumberAgainst(avg, peak * _peakShare);
        var notLower = thisQ >= lastQ;
        var full = avg >= peak * _peakShare;
        ctx.Check($"{_year}年一季度用电量{Zh.Number(thisQ)}千瓦时须不低于{_year - 1}年同期{Zh.Number(lastQ)}千瓦时", notLower);
        ctx.Check($"月均用电量{avgText}千瓦时须达到{_year - 1}年月峰值{Zh.Number(peak)}千瓦时的{Zh.Percent(_peakShare)}", full);
        if (notLower && full)
        {
            ctx.Award(null, _pays, new DateOnly(_year, 3, 31),
                $"{_year}年一季度用电量{Zh.Number(thisQ)}千瓦时不低于{_year - 1}年同期{Zh.Number(lastQ)}千瓦时，月均{avgText}千瓦时达到{_year - 1}年月峰值{Zh.Number(peak)}千瓦时的{Zh.Percent(_peakShare)}以上，给予{Zh.Money(_pays)}一次性奖励");
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Requires(_requires);

        reading.Qualifies($"{_year}年一季度用电量不低于{_year - 1}年同期，且一季度月均用电量{Say.AtLeast($"{_year - 1}年月用电峰值的{Zh.Percent(_peakShare)}")}的企业。");
        reading.Pays($"一次性奖励{Zh.Money(_pays)}。");
        reading.Limit("每家企业只奖励一次。");

        // Last year 80万千瓦时 a month in the first quarter and 100万 the rest (the peak); this quarter 90万 a month.
        var series = new JsonObject();
        for (var m = 1; m <= 12; m++)
        {
            series[$"{_year - 1}-{m:00}"] = m <= 3 ? 800_000m : 1_000_000m;
        }

        for (var m = 1; m <= 3; m++)
        {
            series[$"{_year}-{m:00}"] = 900_000m;
        }

        var dossier = new JsonObject { ["figures"] = new JsonObject { ["electricityKwh"] = series } }.With(_requires);
        reading.Typical($"某企业{_year - 1}年一季度每月用电80万千瓦时、其余月份每月100万千瓦时（峰值），{_year}年一季度每月用电90万千瓦时", dossier, _year);
    }

    #endregion
}
