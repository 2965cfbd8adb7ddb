using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// Year-on-year change of a figure over a named period (同比), paid as a fixed sum, per step of the increase or of
/// the growth points, or as a share of the increase: zzw2022-155/2 (每增加1000万元奖励2万元), /3 (入库且增长10%以上),
/// /6 (出口每增加1个百分点奖励5万元) and /7 (增量部分的1%、0.5%).
/// </summary>
/// <remarks>
/// amount = fixed + floor((q − stepFrom) / stepSize) × stepPays + rate × increase, rounded down and capped, where q is
/// the growth in points (<c>quantity: points</c>) or the increase in yuan (<c>quantity: increase</c>).
/// </remarks>
public sealed class PeriodGrowthRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on a period's change over the same period a year before.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly string _metric;
    private readonly Period _period;
    private readonly Period _base;

    /// <summary>The period's last day, its event date, worked out once.</summary>
    private readonly DateOnly _periodEnd;
    private readonly Requirements _requires;
    private readonly string? _honor;
    private readonly DateOnly? _honorFrom;
    private readonly decimal? _minGrowth;
    private readonly decimal? _growthOver;
    private readonly decimal? _minIncrease;
    private readonly decimal? _baseOver;
    private readonly decimal _fixed;
    private readonly string _quantity;
    private readonly decimal _stepFrom;
    private readonly decimal? _stepSize;
    private readonly decimal _stepPays;
    private readonly decimal? _rate;
    private readonly decimal? _cap;

    public PeriodGrowthRule(ParamReader p)
    {
        _metric = p.Word("metric", Vocabulary.Metrics);
        var period = p.String("period");
        _period = Period.TryParse(period, out var pp) ? pp : throw p.Error($"“{period}”不是期间 / '{period}' is not a period");
        _periodEnd = _period.End;
        var basePeriod = p.OptionalString("basePeriod");
        _base = basePeriod is null ? _period.YearEarlier : Period.TryParse(basePeriod, out var bp) ? bp : throw p.Error($"“{basePeriod}”不是期间 / '{basePeriod}' is not a period");
        _requires = Requirements.Read(p);
        if (p.OptionalMapping("honor") is { } h)
        {
            _honor = h.Word("kind", Vocabulary.HonorKinds);
            _honorFrom = h.OptionalDate("datedFrom");
            h.Done();
        }

        _minGrowth = p.OptionalRate("minGrowth");
        _growthOver = p.OptionalRate("growthOver");
        _minIncrease = p.OptionalAmount("minIncrease");
        _baseOver = p.OptionalAmount("baseOver");
        _fixed = p.OptionalAmount("fixed") ?? 0m;
        _quantity = p.Switch("quantity", "points", "increase");
        if (p.OptionalMapping("steps") is { } s)
        {
            _stepSize = s.Amount("size");
            _stepPays = s.Amount("pays");
            var from = s.Has("from") ? s.Switch("from", "zero", "threshold") : "zero";
            _stepFrom = from == "threshold" ? (_quantity == "points" ? (_minGrowth ?? _growthOver ?? 0m) * 100m : _minIncrease ?? 0m) : 0m;
            s.Done();
        }

        _rate = p.OptionalRate("rate");
        _cap = p.Cap();
        if (_stepSize is null && _rate is null && _fixed == 0)
        {
            throw p.Error("须给出 fixed、steps 或 rate 之一 / one of fixed, steps or rate is required");
        }
    }

    private string Name => Vocabulary.Chinese(_metric);


    public void Evaluate(RuleContext ctx)
    {
        if (_periodEnd.Year != ctx.Year || !_requires.Check(ctx))
        {
            return;
        }

        if (_honor is not null && !HoldsHonor(ctx))
        {
            return;
        }

        var figures = ctx.Dossier.Figures;
        var current = figures.Get(_metric, _period);
        var baseValue = figures.Get(_metric, _base);
        if (current is null && baseValue is null)
        {
            return;
        }

        if (Money.Growth(current, baseValue) is not { } g)
        {
            var missing = current is null ? _period : _base;
            ctx.Check($"缺少{missing.ToChinese()}{Name}（或为零），增速无法计算", false);
            ctx.NotPaid(null, $"缺少{missing.ToChinese()}{Name}（或为零），无法计算同比增速");
            return;
        }

        var c = current!.Value;
        var b = baseValue!.Value;
        var increase = c - b;
        if (!Conditions(ctx, g, increase, b))
        {
            return;
        }

        var amount = _fixed;
        if (_stepSize is { } size)
        {
            var q = _quantity == "points" ? g * 100m : increase;
            amount += Money.Steps(q - _stepFrom, size) * _stepPays;
        }

        if (_rate is { } rate)
        {
            amount += Money.FloorYuan(increase * rate);
        }

        if (amount <= 0)
        {
            ctx.Check($"{_period.ToChinese()}{Name}计算金额为零", false);
            return;
        }

        // The sentence follows the bureau's own wording (example 03): growth and its bar, the increase, the rule, the sum.
        // The figures worked together (the increase, its bar, the base, a money step, the sum and its cap) in one unit.
        var u = Zh.UnitOf(increase, _minIncrease ?? increase, _baseOver is null ? increase : b, _baseOver ?? increase, _quantity == "points" ? increase : _stepSize ?? increase, amount, _cap ?? amount);
        var because = $"{_period.ToChinese()}{Name}同比增长"
            + (_minGrowth is { } mg ? $"{Zh.PercentAgainst(g, mg)}≥{Zh.Percent(mg)}" : _growthOver is { } go ? $"{Zh.PercentAgainst(g, go)}>{Zh.Percent(go)}" : Zh.Percent(g))
            + $"，增加{Zh.MoneyIn(increase, u)}" + (_minIncrease is { } mi ? $"≥{Zh.MoneyIn(mi, u)}" : "")
            + (_baseOver is { } bo ? $"，{_base.ToChinese()}{Name}{Zh.MoneyIn(b, u)}>{Zh.MoneyIn(bo, u)}" : "")
            + (_fixed > 0 ? $"，奖励{Zh.Money(_fixed)}" : "")
            + (_stepSize is { } stepSize
                ? _quantity == "points"
                    ? $"，{(_stepFrom > 0 ? $"超过{Zh.Number(_stepFrom)}%后" : "")}每增长{Zh.Number(stepSize)}个百分点奖励{Zh.Money(_stepPays)}"
                    : $"，{(_stepFrom > 0 ? $"超过{Zh.Money(_stepFrom)}后" : "")}每{Zh.MoneyIn(stepSize, u)}奖励{Zh.Money(_stepPays)}"
                : "")
            + (_rate is { } r ? $"，按增量部分的{Zh.Percent(r)}奖励" : "")
            + $"，计{Zh.MoneyIn(amount, u)}";
        var pay = Money.Min(amount, _cap);
        if (pay < amount)
        {
            because += $"，超过最高奖励{Zh.MoneyIn(_cap!.Value, u)}，奖励{Zh.MoneyIn(pay, u)}";
            ctx.NotPaid(null, $"超过最高奖励{Zh.Money(_cap.Value)}的部分{Zh.Money(amount - pay)}不予支付");
        }

        pay = ctx.LeftOfYear(pay, _cap, null, ref because);
        if (pay > 0)
        {
            ctx.Award(null, pay, _period.End, because);
        }
    }

    private bool HoldsHonor(RuleContext ctx)
    {
        foreach (var h in Items.Of(ctx.Dossier.Honors))
        {
            if (h.Kind == _honor && h.Date <= _period.End && (_honorFrom is null || h.Date >= _honorFrom))
            {
                ctx.Check($"{h.Date:yyyy-MM-dd}{Vocabulary.Chinese(h.Kind)}", true);
                return true;
            }
        }

        ctx.Check($"须{(_honorFrom is { } f ? $"{f:yyyy-MM-dd}以来" : "")}{Vocabulary.Chinese(_honor!)}", false);
        return false;
    }

    /// <summary>The growth a condition tests, for the trace: 2023年一季度营业收入同比（2022年一季度1.5亿元）增长15%.</summary>
    private string Head(decimal g, decimal b, decimal bar) => $"{_period.ToChinese()}{Name}同比（{_base.ToChinese()}{Zh.Money(b)}）增长{Zh.PercentAgainst(g, bar)}";

    private bool Conditions(RuleContext ctx, decimal g, decimal increase, decimal b)
    {
        var ok = true;
        if (_baseOver is { } bo)
        {
            var pass = b > bo;
            ctx.Check($"{_base.ToChinese()}{Name}{Zh.Money(b)}须超过{Zh.Money(bo)}", pass);
            ok &= pass;
        }

        if (_minGrowth is { } mg)
        {
            var pass = g >= mg;
            ctx.Check($"{Head(g, b, mg)}，须≥{Zh.Percent(mg)}", pass);
            ok &= pass;
        }

        if (_growthOver is { } go)
        {
            var pass = g > go;
            ctx.Check($"{Head(g, b, go)}，须超过{Zh.Percent(go)}", pass);
            ok &= pass;
        }

        if (_minIncrease is { } mi)
        {
            var pass = increase >= mi;
            ctx.Check($"{_period.ToChinese()}{Name}同比增加{Zh.Money(increase)}，须≥{Zh.Money(mi)}", pass);
            ok &= pass;
        }

        return ok;
    }

    public void Hint(RuleContext ctx)
    {
        if (_period.End.Year != ctx.Year || !ctx.Payable(_period.End) || !ctx.HasAll(_requires.All)
            || ctx.Dossier.Figures.Get(_metric, _base) is not { } b || b <= 0 || (_baseOver is { } bo && b <= bo)
            || (_honor is not null && !ctx.Dossier.Honors.Any(h => h.Kind == _honor)))
        {
            return;
        }

        var c = ctx.Dossier.Figures.Get(_metric, _period) ?? 0m;
        var bar = Bar(b);
        if (c >= bar)
        {
            return;
        }

        var needed = bar - c;
        var wouldPay = ctx.MoreAfterLedger(0m, Money.Min(AmountAt(bar, b), _cap));
        ctx.Hint(_metric, ctx.Year, needed, wouldPay, $"{_period.ToChinese()}{Name}再增加{Zh.Money(needed)}（达到{Zh.Money(bar)}），可获奖励{Zh.Money(wouldPay)}");
    }

    /// <summary>The smallest figure that meets every condition.</summary>
    private decimal Bar(decimal b)
    {
        var bar = b;
        if (_minGrowth is { } mg)
        {
            bar = Math.Max(bar, decimal.Ceiling(b * (1 + mg)));
        }

        if (_growthOver is { } go)
        {
            bar = Math.Max(bar, decimal.Floor(b * (1 + go)) + 1);
        }

        if (_minIncrease is { } mi)
        {
            bar = Math.Max(bar, b + mi);
        }

        // The first figure that also pays something.
        if (_fixed == 0 && _stepSize is { } size)
        {
            bar = _quantity == "increase"
                ? Math.Max(bar, b + _stepFrom + size)
                : Math.Max(bar, decimal.Ceiling(b * (1 + (_stepFrom + size) / 100m)));
        }

        return bar;
    }

    private decimal AmountAt(decimal c, decimal b)
    {
        var g = (c - b) / b;
        var amount = _fixed;
        if (_stepSize is { } size)
        {
            amount += Money.Steps((_quantity == "points" ? g * 100m : c - b) - _stepFrom, size) * _stepPays;
        }

        if (_rate is { } rate)
        {
            amount += Money.FloorYuan((c - b) * rate);
        }

        return amount;
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Requires(_requires);

        if (_honor is { } honor)
        {
            reading.Qualifies($"须{(_honorFrom is { } f ? $"自{Zh.Date(f)}以来" : "")}获评{Say.Term(honor)}。");
        }

        var bars = new List<string>();
        if (_baseOver is { } bo)
        {
            bars.Add($"{_base.ToChinese()}{Name}{Say.Over(Zh.Money(bo))}");
        }

        if (_minGrowth is { } mg)
        {
            bars.Add($"{_period.ToChinese()}{Name}同比增长{Say.AtLeast(Zh.Percent(mg))}");
        }

        if (_growthOver is { } go)
        {
            bars.Add($"{_period.ToChinese()}{Name}同比增长{Say.Over(Zh.Percent(go))}");
        }

        if (_minIncrease is { } mi)
        {
            bars.Add($"{_period.ToChinese()}{Name}同比增加额{Say.AtLeast(Zh.Money(mi))}");
        }

        if (bars.Count > 0)
        {
            reading.Qualifies($"须{string.Join("，且", bars)}（与{_base.ToChinese()}相比）。");
        }

        var pays = new List<string>();
        if (_fixed > 0)
        {
            pays.Add($"奖励{Zh.Money(_fixed)}");
        }

        if (_stepSize is { } size)
        {
            pays.Add(_quantity == "points"
                ? $"{(_stepFrom > 0 ? $"增速超过{Zh.Number(_stepFrom)}%的部分，" : "")}增速每{Zh.Number(size)}个百分点奖励{Zh.Money(_stepPays)}（不足一个百分点的不计）"
                : $"{(_stepFrom > 0 ? $"增加额超过{Zh.Money(_stepFrom)}的部分，" : "")}增加额每{Zh.Money(size)}奖励{Zh.Money(_stepPays)}（不足{Zh.Money(size)}的不计）");
        }

        if (_rate is { } rate)
        {
            pays.Add($"按增量部分的{Zh.Percent(rate)}给予奖励（按元向下取整）");
        }

        reading.Pays(string.Join("；另", pays) + "。");
        reading.Limit(Say.Cap(_cap, "每家企业"));

        // A typical figure comfortably past every bar: growth 15 points above the bar on a base above its own bar.
        var bar = _minGrowth ?? _growthOver ?? 0m;
        var growth = bar + 0.15m;
        var baseValue = Math.Max(Math.Max((_baseOver ?? 0m) * 1.5m, (_minIncrease ?? 0m) * 10m), 100_000_000m);
        var current = baseValue * (1 + growth);
        var series = new JsonObject { [_base.ToString()] = baseValue, [_period.ToString()] = current };
        var dossier = new JsonObject { ["figures"] = new JsonObject { [_metric] = series } }.With(_requires);
        var facts = $"某企业{_base.ToChinese()}{Name}{Zh.Money(baseValue)}，{_period.ToChinese()}{Zh.Money(current)}";
        if (_honor is { } h)
        {
            var day = _honorFrom ?? _period.Start.AddMonths(-6);
            dossier["honors"] = new JsonArray(new JsonObject { ["kind"] = h, ["date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            facts = $"{facts}，{Zh.Date(day)}获评{Say.Term(h)}";
        }

        reading.Typical(facts, dossier, _periodEnd.Year);
    }

    #endregion
}
