using System.Text.Json.Nodes;
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
public sealed class MilestonesRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on thresholds first crossed by a year's figures.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly string _metric;
    private readonly Requirements _requires;
    private readonly IReadOnlyList<Tier> _thresholds;
    private readonly decimal? _stepSize;
    private readonly decimal _stepPays;
    private readonly decimal? _cap;
    private readonly string? _shareMetric;
    private readonly decimal _shareAtLeast;

    public MilestonesRule(ParamReader p)
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
            if (_stepSize <= 0)
            {
                // The steps are counted by dividing by the size: a step of nothing is no ladder.
                throw s.Error("台阶大小“size”须大于0 / step 'size' must be greater than 0");
            }

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

    /// <summary>
    /// A run of consecutive steps, <see cref="First"/> to <see cref="Last"/> (step i is the bar last threshold + i × size),
    /// reached before (<see cref="Before"/> says when) or for the first time (null). Steps are counted, never listed
    /// one by one: a figure of 10万亿元 is one run, so neither the work nor the sentence grows with the figure.
    /// </summary>
    private readonly record struct StepRun(decimal First, decimal Last, string? Before)
    {
        public decimal Count => Last - First + 1;
    }

    /// <summary>
    /// A run of at most this many steps is written step by step ("首次达到150亿元、200亿元台阶"), as the text words it;
    /// a longer one as a range with its count.
    /// </summary>
    private const int ListedSteps = 3;

    private decimal StepBar(decimal step) => _thresholds[^1].AtLeast + (step * _stepSize!.Value);

    /// <summary>The steps a figure has reached (≥): floor((v − last threshold) / size), exact at every bar; 0 without steps.</summary>
    private decimal StepsReached(decimal v)
    {
        if (_stepSize is not { } size || _thresholds.Count == 0)
        {
            return 0;
        }

        // The quotient is rounded to 28 digits; the two bars around it settle which side of a bar the figure is.
        var n = Money.Steps(v - _thresholds[^1].AtLeast, size);
        if (n > 0 && StepBar(n) > v)
        {
            n--;
        }
        else if (StepBar(n + 1) <= v)
        {
            n++;
        }

        return n;
    }

    /// <summary>"第3至第200个50亿元台阶（250亿元至10100亿元，共198个）": a run as a range of steps, its bars and its count.</summary>
    private string Span(StepRun run) => run.Count == 1
        ? $"第{Zh.Number(run.First)}个{Zh.Money(_stepSize!.Value)}台阶（{Zh.Money(StepBar(run.First))}）"
        : $"第{Zh.Number(run.First)}至第{Zh.Number(run.Last)}个{Zh.Money(_stepSize!.Value)}台阶（{Zh.Money(StepBar(run.First))}至{Zh.Money(StepBar(run.Last))}，共{Zh.Number(run.Count)}个）";

    /// <summary>
    /// The steps 1..<paramref name="upTo"/> in runs, each reached before or new, as <see cref="CrossedBefore"/> reads a
    /// level: an earlier year's figure covers every step it reached (the earliest such year names it), then the
    /// ledger in its order: a line naming a step's bar covers that step, a line without item the steps its year's
    /// figure reached. Each is a range or a point, so the work grows with the dossier's lines, not with the figure.
    /// </summary>
    private List<StepRun> StepRuns(RuleContext ctx, decimal upTo)
    {
        var cover = new StepCover(upTo);
        if (ctx.Dossier.Figures.TryGetSeries(_metric, out var series))
        {
            foreach (var (period, v) in series.Where(e => e.Key.Kind == PeriodKind.Year && e.Key.Year < ctx.Year).OrderBy(e => e.Key.Year))
            {
                cover.Prefix(StepsReached(v), $"已于{period.Year}年越过");
            }
        }

        foreach (var g in ctx.Grants())
        {
            // As in CrossedBefore: a line of the award year itself is deducted by the yearly reckoning instead.
            if (g.Year == ctx.Year)
            {
                continue;
            }

            if (g.Item is { } item)
            {
                if (StepNamed(item) is { } step)
                {
                    cover.Point(step, $"已于{g.Year}年获奖励");
                }
            }
            else if (g.Year < ctx.Year && ctx.Dossier.Figures.Get(_metric, Period.OfYear(g.Year)) is { } then)
            {
                cover.Prefix(StepsReached(then), $"已于{g.Year}年获奖励");
            }
        }

        return cover.Runs();
    }

    /// <summary>The step whose bar a ledger item names, written exactly as <see cref="CrossedBefore"/> compares it; else null.</summary>
    private decimal? StepNamed(string item)
    {
        if (_stepSize is not { } size || _thresholds.Count == 0
            || !decimal.TryParse(item, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var bar))
        {
            return null;
        }

        var step = (bar - _thresholds[^1].AtLeast) / size;
        return step >= 1 && decimal.IsInteger(step) && StepBar(step).ToString(System.Globalization.CultureInfo.InvariantCulture) == item ? step : null;
    }

    /// <summary>Which of the steps 1..upTo were reached before, by what: the first source to cover a step names it.</summary>
    private sealed class StepCover(decimal upTo)
    {
        /// <summary>Steps 1.._prefix are covered.</summary>
        private decimal _prefix;

        /// <summary>Single covered steps above <see cref="_prefix"/>.</summary>
        private readonly SortedSet<decimal> _points = [];

        private readonly List<StepRun> _covered = [];

        public void Prefix(decimal through, string before)
        {
            through = Math.Min(through, upTo);
            if (through <= _prefix)
            {
                return;
            }

            // The gaps between single steps covered earlier; those steps keep what covered them first.
            var from = _prefix + 1;
            var inside = _points.GetViewBetween(from, through);
            foreach (var step in inside)
            {
                if (step > from)
                {
                    _covered.Add(new StepRun(from, step - 1, before));
                }

                from = step + 1;
            }

            inside.Clear();
            if (from <= through)
            {
                _covered.Add(new StepRun(from, through, before));
            }

            _prefix = through;
        }

        public void Point(decimal step, string before)
        {
            if (step > _prefix && step <= upTo && _points.Add(step))
            {
                _covered.Add(new StepRun(step, step, before));
            }
        }

        /// <summary>Every step 1..upTo, in order: the covered runs (neighbours covered alike joined) and the new ones between.</summary>
        public List<StepRun> Runs()
        {
            _covered.Sort((a, b) => a.First.CompareTo(b.First));
            var runs = new List<StepRun>((_covered.Count * 2) + 1);
            var next = 1m;
            foreach (var run in _covered)
            {
                if (run.First > next)
                {
                    runs.Add(new StepRun(next, run.First - 1, null));
                }

                if (runs.Count > 0 && runs[^1].Last + 1 == run.First && runs[^1].Before == run.Before)
                {
                    runs[^1] = runs[^1] with { Last = run.Last };
                }
                else
                {
                    runs.Add(run);
                }

                next = run.Last + 1;
            }

            if (next <= upTo)
            {
                runs.Add(new StepRun(next, upTo, null));
            }

            return runs;
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

    /// <summary>
    /// The share the clause also asked for and <see cref="Eligible"/> checked (/6: 战略性新兴产业营业收入占50%以上), in
    /// the unit the year's figure is written in; empty when the clause asks none.
    /// </summary>
    private string ShareText(RuleContext ctx, decimal value)
    {
        if (_shareMetric is not { } sm || ctx.Dossier.Figures.Get(sm, Period.OfYear(ctx.Year)) is not { } part)
        {
            return "";
        }

        return $"，{Vocabulary.Chinese(sm)}{Zh.MoneyIn(part, Zh.UnitOf(value))}，占{Zh.PercentAgainst(part / value, _shareAtLeast)}，达到{Zh.Percent(_shareAtLeast)}以上";
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
        foreach (var t in _thresholds)
        {
            var level = new Level(t.AtLeast, true, t.Pays);
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

        var newSteps = new List<StepRun>();
        var newCount = 0m;
        var reached = StepsReached(value);
        foreach (var run in reached > 0 ? StepRuns(ctx, reached) : [])
        {
            if (run.Count <= ListedSteps)
            {
                for (var step = run.First; step <= run.Last; step++)
                {
                    var level = new Level(StepBar(step), false, _stepPays);
                    ctx.Check($"{ctx.Year}年{name}{Zh.Money(value)}{level.Describe(false)}" + (run.Before is null ? "，首次" : $"，{run.Before}"), run.Before is null);
                    if (run.Before is not null)
                    {
                        earlier.Add($"{Zh.Money(level.Bar)}台阶{run.Before}");
                    }
                }
            }
            else
            {
                ctx.Check($"{ctx.Year}年{name}{Zh.Money(value)}达到{Span(run)}" + (run.Before is null ? "，首次" : $"，{run.Before}"), run.Before is null);
                if (run.Before is not null)
                {
                    earlier.Add($"{Span(run)}{run.Before}");
                }
            }

            if (run.Before is null)
            {
                newSteps.Add(run);
                newCount += run.Count;
            }
        }

        if (first.Count == 0 && newCount == 0)
        {
            return;
        }

        var sum = first.Sum(l => l.Pays) + (newCount * _stepPays);
        var pay = Money.Min(sum, _cap);
        var what = string.Join("，并", Group(first, newSteps));
        var because = $"{ctx.Year}年{name}{Zh.Money(value)}{what}{ShareText(ctx, value)}，奖励" +
            // A sum of 万元 addends stays in 万元 (…×197=19900万元), even past 1亿.
            (first.Count + newCount > 1 ? $"{Addends(first, newSteps, newCount)}={Zh.MoneyIn(sum, Zh.UnitOf(_stepPays, sum))}" : Zh.Money(sum));
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

    /// <summary>
    /// "首次超过50亿元、100亿元" and "首次达到150亿元、200亿元台阶", as the text groups them; runs longer than
    /// <see cref="ListedSteps"/> as ranges ("首次达到第1至第198个50亿元台阶（150亿元至10000亿元，共198个）").
    /// </summary>
    private IEnumerable<string> Group(List<Level> thresholds, List<StepRun> steps)
    {
        if (thresholds.Count > 0)
        {
            yield return $"首次超过{string.Join("、", thresholds.Select(l => Zh.Money(l.Bar)))}";
        }

        if (steps.Count > 0)
        {
            yield return Summarised(steps)
                ? $"首次达到{string.Join("、", steps.Select(Span))}"
                : $"首次达到{string.Join("、", steps.SelectMany(Bars))}台阶";
        }
    }

    /// <summary>"200万元+400万元+200万元+200万元", or with runs written as ranges "200万元+400万元+200万元×198".</summary>
    private string Addends(List<Level> thresholds, List<StepRun> steps, decimal count)
    {
        var addends = thresholds.Select(l => Zh.Money(l.Pays));
        if (count > 0)
        {
            addends = Summarised(steps)
                ? addends.Append($"{Zh.Money(_stepPays)}×{Zh.Number(count)}")
                : addends.Concat(steps.SelectMany(Bars).Select(_ => Zh.Money(_stepPays)));
        }

        return string.Join("+", addends);
    }

    private static bool Summarised(List<StepRun> steps) => steps.Exists(r => r.Count > ListedSteps);

    /// <summary>The bars of a run short enough to list (at most <see cref="ListedSteps"/>).</summary>
    private IEnumerable<string> Bars(StepRun run)
    {
        for (var step = run.First; step <= run.Last; step++)
        {
            yield return Zh.Money(StepBar(step));
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
        foreach (var t in _thresholds)
        {
            var level = new Level(t.AtLeast, true, t.Pays);
            if (!level.CrossedBy(value) && CrossedBefore(ctx, level) is null)
            {
                Hint(ctx, value, level);
                return;
            }
        }

        // The next step above the figure, unless an earlier year or the ledger has it already.
        if (_stepSize is not null && _thresholds.Count > 0)
        {
            var next = StepsReached(value) + 1;
            if (StepRuns(ctx, next)[^1].Before is null)
            {
                Hint(ctx, value, new Level(StepBar(next), false, _stepPays));
            }
        }
    }

    private void Hint(RuleContext ctx, decimal value, Level level)
    {
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
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var name = Vocabulary.Chinese(_metric);
        reading.Requires(_requires);

        if (_shareMetric is { } sm)
        {
            reading.Qualifies($"当年{Vocabulary.Chinese(sm)}占{name}的比例须{Say.AtLeast(Zh.Percent(_shareAtLeast))}。");
        }

        reading.Pays($"年{name}" + string.Join("；", _thresholds.Select(t => $"首次{Say.Over(Zh.Money(t.AtLeast))}的，奖励{Zh.Money(t.Pays)}")) + "。");
        if (_stepSize is { } size)
        {
            reading.Pays($"此后每上一个{Zh.Money(size)}台阶（{Say.AtLeast(Zh.Money(_thresholds[^1].AtLeast + size))}、{Zh.Money(_thresholds[^1].AtLeast + (2 * size))}……），奖励{Zh.Money(_stepPays)}。");
        }

        reading.Limit("每个门槛、台阶只在首次越过时奖励一次；同一年越过多个的累加。");
        reading.Limit(Say.Cap(_cap, "每家企业每年"));

        var year = reading.Year;
        var first = _thresholds[0].AtLeast;
        reading.Typical($"某企业{year - 1}年{name}{Zh.Money(first * 0.9m)}，{year}年{Zh.Money(first * 1.04m)}", Figures(year, first * 0.9m, first * 1.04m));
        if (_stepSize is { } s)
        {
            var last = _thresholds[^1].AtLeast;
            var before = last * 1.02m;
            var now = last + s + (s / 10m);
            reading.Typical($"某企业{year - 1}年{name}{Zh.Money(before)}，{year}年{Zh.Money(now)}", Figures(year, before, now));
        }
    }

    private JsonObject Figures(int year, decimal before, decimal now)
    {
        var figures = new JsonObject { [_metric] = Say.Series((year - 1, before), (year, now)) };
        if (_shareMetric is { } sm)
        {
            figures[sm] = Say.Series((year, now * (_shareAtLeast + 0.1m)));
        }

        return new JsonObject { ["figures"] = figures }.With(_requires);
    }

    #endregion
}
