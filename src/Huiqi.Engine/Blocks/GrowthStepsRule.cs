using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// Growth over the previous year in whole steps of points (以上年为基数，每增长N个百分点奖励A): zz2023-23/7, for
/// enterprises of named sectors whose yearly figure lies inside a band (5000万元至5亿元).
/// </summary>
public sealed class GrowthStepsRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on a year's growth over the last.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly string _metric;
    private readonly Requirements _requires;
    private readonly IReadOnlyList<(string Sector, string? Requires, string? Unless)> _sectors;
    private readonly decimal _bandFrom;
    private readonly decimal _bandTo;
    private readonly decimal _stepRate;
    private readonly decimal _perStep;
    private readonly decimal? _cap;

    public GrowthStepsRule(ParamReader p)
    {
        _metric = p.Word("metric", Vocabulary.Metrics);
        _requires = Requirements.Read(p);
        _sectors = p.List("sectors").Select(s =>
        {
            var entry = (s.Word("sector", Vocabulary.Sectors), s.Has("requires") ? s.Word("requires", Vocabulary.Traits) : null, s.Has("unless") ? s.Word("unless", Vocabulary.Sectors) : null);
            s.Done();
            return entry;
        }).ToList();
        var band = p.Mapping("band");
        _bandFrom = band.Amount("from");
        _bandTo = band.Amount("to");
        band.Done();
        _stepRate = p.Rate("step");
        _perStep = p.Amount("perStep");
        _cap = p.Cap();
        _stepText = Zh.Number(_stepRate * 100);
        _perStepText = Zh.Money(_perStep);
    }

    // The parameters as the award sentence writes them, written once.
    private readonly string _stepText;
    private readonly string _perStepText;

    private string? Sector(Dossier d)
    {
        if (d.Sectors.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < _sectors.Count; i++)
        {
            var (sector, requires, unless) = _sectors[i];
            if (d.Sectors.Contains(sector) && (requires is null || d.Has(requires)) && (unless is null || !d.Sectors.Contains(unless)))
            {
                return sector;
            }
        }

        return null;
    }

    private bool Eligible(RuleContext ctx, out string sector)
    {
        sector = Sector(ctx.Dossier) ?? "";
        if (!_requires.Check(ctx))
        {
            return false;
        }

        ctx.Check($"所属领域须为{string.Join("、", _sectors.Select(s => Vocabulary.Chinese(s.Sector)))}之一（{string.Join("、", ctx.Dossier.Sectors.Select(Vocabulary.Chinese))}）", sector.Length > 0);
        return sector.Length > 0;
    }

    public void Evaluate(RuleContext ctx)
    {
        var figures = ctx.Dossier.Figures;
        if (figures.Get(_metric, Period.OfYear(ctx.Year)) is not { } v || !Eligible(ctx, out var sector))
        {
            return;
        }

        var name = Vocabulary.Chinese(_metric);
        var inBand = v >= _bandFrom && v <= _bandTo;
        ctx.Check($"{ctx.Year}年{name}{Zh.Money(v)}须在{Zh.Money(_bandFrom)}至{Zh.Money(_bandTo)}之间", inBand);
        if (!inBand)
        {
            return;
        }

        var baseValue = figures.Get(_metric, Period.OfYear(ctx.Year - 1));
        if (Money.Growth(v, baseValue) is not { } g)
        {
            ctx.Check($"缺少{ctx.Year - 1}年{name}（或为零），增速无法计算", false);
            ctx.NotPaid(null, $"缺少{ctx.Year - 1}年{name}，无法计算增速");
            return;
        }

        var steps = Money.Steps(g, _stepRate);
        // Written so that the next step reads as not reached (24.9999999% is not "25%", 4 steps).
        var growth = Zh.PercentAgainst(g, (steps + 1) * _stepRate);
        ctx.Check($"{ctx.Year}年{name}较上年增长{growth}，计{steps}个{Zh.Number(_stepRate * 100)}个百分点", steps > 0);
        if (steps == 0)
        {
            return;
        }

        var raw = steps * _perStep;
        var pay = Money.Min(raw, _cap);
        // The two years' figures in one unit (10000万元 beside 9259.3万元, not 1亿元 beside it), the unit of the award.
        var u = Zh.UnitOf(v, baseValue!.Value, _perStep);
        var because = $"{Vocabulary.Chinese(sector)}领域入库企业{ctx.Year}年{name}{Zh.MoneyIn(v, u)}，较{ctx.Year - 1}年{Zh.MoneyIn(baseValue.Value, u)}增长{growth}，每增长{_stepText}个百分点奖励{_perStepText}，{steps}×{_perStepText}={Zh.Money(raw)}";
        if (pay < raw)
        {
            because += $"，同一企业每年最高{Zh.Money(_cap!.Value)}，奖励{Zh.Money(pay)}";
            ctx.NotPaid(null, $"超过每年最高奖励{Zh.Money(_cap.Value)}的部分{Zh.Money(raw - pay)}不予支付");
        }

        pay = ctx.LeftOfYear(pay, _cap, null, ref because);
        if (pay > 0)
        {
            ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), because);
        }
    }

    public void Hint(RuleContext ctx)
    {
        var figures = ctx.Dossier.Figures;
        if (!ctx.Payable(new DateOnly(ctx.Year, 12, 31)) || Sector(ctx.Dossier) is null || !ctx.HasAll(_requires.All)
            || figures.Get(_metric, Period.OfYear(ctx.Year - 1)) is not { } b || b <= 0)
        {
            return;
        }

        var v = figures.Get(_metric, Period.OfYear(ctx.Year)) ?? 0m;
        var steps = Money.Growth(v, b) is { } g ? Money.Steps(g, _stepRate) : 0;
        var paid = steps * _perStep;
        if (_cap is { } cap && paid >= cap)
        {
            return;
        }

        var nextRate = (steps + 1) * _stepRate;
        var target = decimal.Ceiling(b * (1 + nextRate));
        target = Math.Max(target, _bandFrom);
        if (target > _bandTo || target <= v)
        {
            return;
        }

        var newSteps = Money.Steps(Money.Growth(target, b)!.Value, _stepRate);
        var wouldPay = ctx.MoreAfterLedger(Money.Min(paid, _cap), Money.Min(newSteps * _perStep, _cap));
        ctx.Hint(_metric, ctx.Year, target - v, wouldPay,
            $"{ctx.Year}年{Vocabulary.Chinese(_metric)}再增加{Zh.Money(target - v)}（增速达到{Zh.Percent(Money.Growth(target, b)!.Value)}），可再获奖励{Zh.Money(wouldPay)}");
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var name = Vocabulary.Chinese(_metric);
        reading.Requires(_requires);

        reading.Qualifies("所属领域为" + string.Join("、", _sectors.Select(s => Say.Term(s.Sector)
            + (s.Requires is { } r ? $"（{Say.Term(r)}）" : "") + (s.Unless is { } u ? $"（不含{Say.Term(u)}）" : ""))) + "之一的企业。");
        reading.Qualifies($"当年{name}{Say.AtLeast(Zh.Money(_bandFrom))}、不超过{Zh.Money(_bandTo)}。");
        reading.Pays($"以上年{name}为基数，增速每{_stepText}个百分点奖励{_perStepText}（不足{_stepText}个百分点的不计）。");
        reading.Limit(Say.Cap(_cap, "每家企业每年"));

        var (sector, sectorNeeds, _) = _sectors[0];
        var before = _bandFrom * 2;
        var growth = (_stepRate * 4) + (_stepRate / 2);
        var now = before * (1 + growth);
        var dossier = new JsonObject
        {
            ["sectors"] = new JsonArray(sector),
            ["figures"] = new JsonObject { [_metric] = Say.Series((reading.Year - 1, before), (reading.Year, now)) },
        }.With(_requires);
        if (sectorNeeds is not null)
        {
            var traits = dossier["traits"] as JsonArray ?? [];
            traits.Add(sectorNeeds);
            dossier["traits"] = traits;
        }

        reading.Typical($"某{Say.Term(sector)}领域企业{reading.Year - 1}年{name}{Zh.Money(before)}，{reading.Year}年{Zh.Money(now)}", dossier);
    }

    #endregion
}
