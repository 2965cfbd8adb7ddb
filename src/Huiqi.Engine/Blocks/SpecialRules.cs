using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/4: projects in the fixed-asset investment library by cumulative investment at a quarter's end; a project
/// entered in the year with a larger investment is paid by the second, stepped scale instead. Per project the higher of
/// the two; the enterprise's total is capped (单户企业最高).
/// </summary>
public sealed class FixedAssetRule : IClauseRule
{
    private readonly Period _period;
    private readonly Tier _basic;
    private readonly int _enteredIn;
    private readonly decimal _entryAtLeast;
    private readonly decimal _entryPays;
    private readonly decimal _stepSize;
    private readonly decimal _stepPays;
    private readonly decimal? _cap;

    public FixedAssetRule(ParamReader p)
    {
        var text = p.String("period");
        _period = Period.TryParse(text, out var pp) ? pp : throw p.Error($"“{text}”不是期间 / '{text}' is not a period");
        var basic = p.Mapping("basic");
        _basic = new Tier(basic.Amount("atLeast"), basic.Amount("pays"));
        basic.Done();
        var entry = p.Mapping("newEntry");
        _enteredIn = entry.Int("enteredIn");
        _entryAtLeast = entry.Amount("atLeast");
        _entryPays = entry.Amount("pays");
        var step = entry.Mapping("step");
        _stepSize = step.Amount("size");
        _stepPays = step.Amount("pays");
        step.Done();
        entry.Done();
        _cap = p.Cap();
    }

    public void Evaluate(RuleContext ctx)
    {
        if (_period.End.Year != ctx.Year)
        {
            return;
        }

        // 单户企业最高: what the ledger already paid for the award year is part of the cap.
        var room = ctx.CapLeft(_cap, null, out var used);
        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind != "fixed-asset" || !project.CumulativeInvestment.TryGetValue(_period, out var invest))
            {
                continue;
            }

            decimal amount = 0;
            var because = "";
            if (invest >= _basic.AtLeast)
            {
                amount = _basic.Pays;
                because = $"固定资产投资库项目{project.Id}，{_period.ToChinese()}累计投资{Zh.Money(invest)}达到{Zh.Money(_basic.AtLeast)}，奖励{Zh.Money(_basic.Pays)}";
            }

            var newEntry = project.EnteredLibraryOn is { } on && on.Year == _enteredIn;
            if (newEntry && invest >= _entryAtLeast)
            {
                var steps = Money.Steps(invest - _entryAtLeast, _stepSize);
                var second = _entryPays + steps * _stepPays;
                if (second > amount)
                {
                    amount = second;
                    because = $"固定资产投资库项目{project.Id}于{project.EnteredLibraryOn:yyyy-MM-dd}新增入库，{_period.ToChinese()}累计投资{Zh.Money(invest)}达到{Zh.Money(_entryAtLeast)}，奖励{Zh.Money(_entryPays)}，超出部分每增加{Zh.Money(_stepSize)}奖励{Zh.Money(_stepPays)}，{Zh.Money(_entryPays)}+{steps}×{Zh.Money(_stepPays)}={Zh.Money(second)}";
                }
            }

            ctx.Check($"固定资产投资库项目{project.Id}，{_period.ToChinese()}累计投资{Zh.Money(invest)}须≥{Zh.Money(_basic.AtLeast)}", amount > 0);
            if (amount == 0 || ctx.AlreadyPaid(project.Id, $"固定资产投资库项目{project.Id}"))
            {
                continue;
            }

            var pay = room is { } left ? Math.Min(amount, left) : amount;
            if (pay < amount)
            {
                because += $"，单户企业最高{Zh.Money(_cap!.Value)}{used}，奖励{Zh.Money(pay)}";
                ctx.NotPaid(project.Id, $"超过单户企业最高奖励{Zh.Money(_cap.Value)}的部分{Zh.Money(amount - pay)}不予支付");
            }

            room -= pay;
            if (pay > 0)
            {
                ctx.Award(project.Id, pay, _period.End, because);
            }
        }
    }
}

/// <summary>
/// zzw2022-155/1: full-load production over the Spring Festival — the first quarter's electricity no lower than a year
/// earlier, and its monthly average at least a share of the previous year's highest month.
/// </summary>
public sealed class ElectricityRule : IClauseRule
{
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
}

/// <summary>zzb2022-zjtx/27: a training institution paid per person trained, by kind of training (按每人…元标准补贴).</summary>
public sealed class TrainingRule : IClauseRule
{
    private readonly Requirements _requires;
    private readonly IReadOnlyList<KeyValuePair<string, decimal>> _perPerson;

    public TrainingRule(ParamReader p)
    {
        _requires = Requirements.Read(p);
        _perPerson = p.AmountTable("perPerson", Vocabulary.TrainingKinds);
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.Training.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        var total = 0m;
        foreach (var (kind, each) in _perPerson)
        {
            var count = ctx.Dossier.Training.Where(t => t.Kind == kind && t.Year == ctx.Year).Sum(t => t.Count);
            if (count > 0)
            {
                parts.Add($"{Vocabulary.Chinese(kind)}{count}人×{Zh.Money(each)}={Zh.Money(count * each)}");
                total += count * each;
            }
        }

        if (total == 0 || !_requires.Check(ctx))
        {
            return;
        }

        var because = $"{ctx.Year}年{string.Join("，", parts)}" + (parts.Count > 1 ? $"，合计{Zh.Money(total)}" : "");
        var pay = ctx.LeftOfYear(total, null, null, ref because);
        if (pay > 0)
        {
            ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), because);
        }
    }
}

/// <summary>
/// zzb2022-zjtx/3: an enterprise of provincial 专精特新 rank or higher that moved in whole is paid as if newly recognized
/// for its highest title, once it has run normally for a year (event: the move's first anniversary).
/// </summary>
public sealed class RelocationRule : IClauseRule
{
    private readonly IReadOnlyList<KeyValuePair<string, decimal>> _titles;
    private readonly IReadOnlyList<string> _ladderWith;

    public RelocationRule(ParamReader p)
    {
        _titles = p.AmountTable("titles", Vocabulary.HonorKinds);
        _ladderWith = p.OptionalStrings("ladderWith");
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.RelocatedOn is not { } moved)
        {
            return;
        }

        var anniversary = moved.AddYears(1);
        if (!ctx.InYear(anniversary))
        {
            return;
        }

        (string Kind, decimal Amount)? best = null;
        foreach (var h in Items.Of(ctx.Dossier.Honors))
        {
            var amount = _titles.FirstOrDefault(t => t.Key == h.Kind);
            if (amount.Key is not null && h.Date <= anniversary && (best is null || amount.Value > best.Value.Amount))
            {
                best = (h.Kind, amount.Value);
            }
        }

        ctx.Check($"{moved:yyyy-MM-dd}整体迁入，须持有{string.Join("、", _titles.Select(t => Vocabulary.Chinese(t.Key)))}之一", best is not null);
        if (best is not { } b)
        {
            return;
        }

        var before = ctx.PaidOnLadder(_ladderWith).Sum(l => l.Amount);
        var pay = Math.Max(0, b.Amount - before);
        var name = Vocabulary.Chinese(b.Kind);
        if (pay == 0)
        {
            ctx.NotPaid(b.Kind, $"{name}参照新认定标准{Zh.Money(b.Amount)}，已获同类奖励{Zh.Money(before)}，从高不重复，无差额可奖励");
            return;
        }

        ctx.Award(b.Kind, pay, anniversary,
            $"{moved:yyyy-MM-dd}整体迁入本市，正常经营满一年（{anniversary:yyyy-MM-dd}），持有{name}，参照新认定补贴标准{Zh.Money(b.Amount)}" + (before > 0 ? $"，扣除已获{Zh.Money(before)}，奖励{Zh.Money(pay)}" : ""));
    }
}

/// <summary>
/// A clause whose amount no formula gives (一事一议, 按照相关政策给予支持, a separate policy's amounts): the engine names it in
/// <c>referrals</c> when a fact of the dossier touches it, so a person takes it from there.
/// </summary>
public sealed class ReferralRule : IClauseRule
{
    private readonly string _reason;
    private readonly IReadOnlyList<string> _honors;
    private readonly IReadOnlyList<string> _spending;
    private readonly bool _majorProjects;

    public ReferralRule(ParamReader p)
    {
        _reason = p.String("reason");
        _honors = p.Words("honors", Vocabulary.HonorKinds);
        _spending = p.Words("spending", Vocabulary.SpendingKinds);
        _majorProjects = p.Bool("majorProjects", false);
    }

    /// <summary>Whether any fact can touch this clause; a referral with no trigger is only listed in the catalogue.</summary>
    public bool HasTriggers => _honors.Count > 0 || _spending.Count > 0 || _majorProjects;

    public void Evaluate(RuleContext ctx)
    {
        var honors = _honors.Count == 0 ? [] : ctx.Dossier.Honors;
        for (var k = 0; k < honors.Count; k++)
        {
            var h = honors[k];
            if (_honors.Contains(h.Kind) && ctx.InYear(h.Date))
            {
                ctx.Refer(h.Item ?? h.Kind, $"{Vocabulary.Chinese(h.Kind)}{(h.Item is { } i ? $"“{i}”" : "")}：{_reason}", h.Date);
            }
        }

        var spending = _spending.Count == 0 ? [] : ctx.Dossier.Spending;
        for (var k = 0; k < spending.Count; k++)
        {
            var s = spending[k];
            if (_spending.Contains(s.Kind) && s.Year == ctx.Year)
            {
                ctx.Refer(s.Kind, $"{s.Year}年{Vocabulary.Chinese(s.Kind)}{Zh.Money(s.Amount)}：{_reason}", new DateOnly(s.Year, 12, 31));
            }
        }

        if (_majorProjects)
        {
            foreach (var p in Items.Of(ctx.Dossier.Projects))
            {
                var day = p.CompletedOn ?? p.StartedOn ?? p.SignedOn;
                if (p.Major && (day is null || ctx.InYear(day.Value)))
                {
                    ctx.Refer(p.Id, $"{Vocabulary.Chinese(p.Kind)}{p.Id}为重大工业项目：{_reason}", day);
                }
            }
        }
    }
}
