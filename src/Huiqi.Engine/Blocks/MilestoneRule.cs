using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// Thresholds crossed for the first time (首次超过), then each further step reached (每上一个…台阶), on a yearly
/// figure: zz2023-23/5 (50亿/100亿, then every 50亿) and /6 (5亿/10亿, then every 5亿, with a share of SEI revenue).
/// </summary>
/// <remarks>
/// "首次超过X" is strict (&gt; X); a step counts when it is reached (≥). A level counts as crossed for the first time
/// when no earlier year's figure crossed it and the ledger holds no award for it (interpretation.md rule 5): a
/// ledger line names its level as the item, or, when it has none, the levels its year's figure crossed.
/// Several levels crossed in one year add up; the yearly cap applies to their sum.
/// </remarks>
public sealed class MilestoneRule : IClauseRule, IHintingRule
{
    private readonly string _metric;
    private readonly Requirements _requires;
    private readonly IReadOnlyList<Tier> _thresholds;
    private readonly decimal? _stepSize;
    private readonly decimal _stepPays;
    private readonly decimal? _cap;
    private readonly string? _shareMetric;
    private readonly decimal _shareAtLeast;

    public MilestoneRule(ParamReader p)
    {
        _metric = p.Word("metric", Vocabulary.Metrics);
        _requires = Requirements.Read(p);
        _thresholds = p.List("thresholds").Select(t =>
        {
            var tier = new Tier(t.Amount("over"), t.Amount("pays"));
            t.Done();
            return tier;
        }).OrderBy(t => t.AtLeast).ToList();
        if (p.OptionalMapping("step") is { } s)
        {
            _stepSize = s.Amount("size");
            _stepPays = s.Amount("pays");
            s.Done();
        }

        _cap = p.Cap();
        if (p.OptionalMapping("share") is { } share)
        {
            _shareMetric = share.Word("metric", Vocabulary.Metrics);
            _shareAtLeast = share.Rate("atLeast");
            share.Done();
        }
    }

    /// <summary>A level of the ladder: a threshold (strict) or a step (reached).</summary>
    private readonly record struct Level(decimal Bar, bool Strict, decimal Pays)
    {
        public bool CrossedBy(decimal v) => Strict ? v > Bar : v >= Bar;

        public string Describe(bool first) => Strict ? $"{(first ? "首次" : "")}超过{Zh.Money(Bar)}" : $"{(first ? "首次" : "")}达到{Zh.Money(Bar)}台阶";
    }

    private IEnumerable<Level> Levels(decimal upTo)
    {
        foreach (var t in _thresholds)
        {
            yield return new Level(t.AtLeast, true, t.Pays);
        }

        if (_stepSize is { } size && _thresholds.Count > 0)
        {
            // Levels beyond the last threshold, up to the first one above the figure (for hints).
            for (var bar = _thresholds[^1].AtLeast + size; ; bar += size)
            {
                yield return new Level(bar, false, _stepPays);
                if (bar > upTo)
                {
                    yield break;
                }
            }
        }
    }

    private bool Eligible(RuleContext ctx, decimal value)
    {
        if (!_requires.Check(ctx))
        {
            return false;
        }

        if (_shareMetric is { } sm)
        {
            var part = ctx.Dossier.Figures.Get(sm, Period.OfYear(ctx.Year));
            var ok = part is { } x && value > 0 && x >= value * _shareAtLeast;
            ctx.Check($"{ctx.Year}年{Vocabulary.Chinese(sm)}{(part is { } y ? Zh.Money(y) : "（缺）")}占{Vocabulary.Chinese(_metric)}{Zh.Money(value)}的比例须≥{Zh.Percent(_shareAtLeast)}", ok);
            return ok;
        }

        return true;
    }

    /// <summary>The year an earlier figure crossed the level, or the ledger's, or null when this is the first time.</summary>
    private string? CrossedBefore(RuleContext ctx, Level level)
    {
        // The earliest earlier year that crossed it (a scan, not a sort).
        var first = int.MaxValue;
        if (ctx.Dossier.Figures.TryGetSeries(_metric, out var series))
        {
            foreach (var (period, v) in series)
            {
                if (period.Kind == PeriodKind.Year && period.Year < ctx.Year && period.Year < first && level.CrossedBy(v))
                {
                    first = period.Year;
                }
            }
        }

        if (first != int.MaxValue)
        {
            return $"已于{first}年越过";
        }

        // A line of the award year itself paid part of this year's award: the yearly reckoning deducts it instead.
        foreach (var g in ctx.Grants())
        {
            if (g.Year != ctx.Year && (g.Item == level.Bar.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || (g.Item is null && g.Year < ctx.Year && ctx.Dossier.Figures.Get(_metric, Period.OfYear(g.Year)) is { } then && level.CrossedBy(then))))
            {
                return $"已于{g.Year}年获奖励";
            }
        }

        return null;
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.Figures.Get(_metric, Period.OfYear(ctx.Year)) is not { } value || _thresholds.Count == 0 || value <= _thresholds[0].AtLeast)
        {
            return;
        }

        if (!Eligible(ctx, value))
        {
            return;
        }

        var name = Vocabulary.Chinese(_metric);
        var first = new List<Level>();
        var earlier = new List<string>();
        foreach (var level in Levels(value))
        {
            if (!level.CrossedBy(value))
            {
                continue;
            }

            var before = CrossedBefore(ctx, level);
            ctx.Check($"{ctx.Year}年{name}{Zh.Money(value)}{level.Describe(false)}" + (before is null ? "，首次" : $"，{before}"), before is null);
            if (before is null)
            {
                first.Add(level);
            }
            else
            {
                earlier.Add($"{Zh.Money(level.Bar)}台阶{before}");
            }
        }

        if (first.Count == 0)
        {
            return;
        }

        var sum = first.Sum(l => l.Pays);
        var pay = Money.Min(sum, _cap);
        var what = string.Join("，并", Group(first));
        var because = $"{ctx.Year}年{name}{Zh.Money(value)}{what}，奖励" +
            (first.Count > 1 ? $"{string.Join("+", first.Select(l => Zh.Money(l.Pays)))}={Zh.Money(sum)}" : Zh.Money(sum));
        if (pay < sum)
        {
            because += $"，同一企业每年最高{Zh.Money(_cap!.Value)}，奖励{Zh.Money(pay)}";
            ctx.NotPaid(null, $"超过每年最高奖励{Zh.Money(_cap.Value)}的部分{Zh.Money(sum - pay)}不予支付");
        }

        if (earlier.Count > 0)
        {
            because += $"（{string.Join("，", earlier)}）";
        }

        pay = ctx.LeftOfYear(pay, _cap, null, ref because);
        if (pay > 0)
        {
            ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), because);
        }
    }

    /// <summary>"首次超过50亿元、100亿元" and "首次达到150亿元、200亿元台阶", as the text groups them.</summary>
    private static IEnumerable<string> Group(List<Level> levels)
    {
        var strict = levels.Where(l => l.Strict).Select(l => Zh.Money(l.Bar)).ToList();
        var steps = levels.Where(l => !l.Strict).Select(l => Zh.Money(l.Bar)).ToList();
        if (strict.Count > 0)
        {
            yield return $"首次超过{string.Join("、", strict)}";
        }

        if (steps.Count > 0)
        {
            yield return $"首次达到{string.Join("、", steps)}台阶";
        }
    }

    public void Hint(RuleContext ctx)
    {
        var end = new DateOnly(ctx.Year, 12, 31);
        if (!ctx.Payable(end) || !ctx.HasAll(_requires.All))
        {
            return;
        }

        var value = ctx.Dossier.Figures.Get(_metric, Period.OfYear(ctx.Year)) ?? 0m;
        foreach (var level in Levels(value))
        {
            if (level.CrossedBy(value) || CrossedBefore(ctx, level) is not null)
            {
                continue;
            }

            // "超过X" needs one yuan more than the gap; the sentence says "more than the gap", as the text does.
            var gap = level.Bar - value;
            var needed = level.Strict ? gap + 1 : gap;
            if (needed > value)
            {
                // Out of reach this year (more than doubling): the calculator shows what is within reach.
                return;
            }

            var pays = Money.Min(level.Pays, _cap);
            ctx.Hint(_metric, ctx.Year, needed, pays,
                $"{ctx.Year}年{Vocabulary.Chinese(_metric)}再增加{(level.Strict ? "超过" : "")}{Zh.Money(gap)}（{(level.Strict ? "超过" : "达到")}{Zh.Money(level.Bar)}），可再获奖励{Zh.Money(pays)}" +
                (_shareMetric is { } sm ? $"（须{Vocabulary.Chinese(sm)}占比≥{Zh.Percent(_shareAtLeast)}）" : ""));
            return;
        }
    }
}
