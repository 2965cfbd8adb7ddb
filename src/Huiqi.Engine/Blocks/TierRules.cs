using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/5: industrial projects signed and started in a named quarter (一季度正式签约且开工建设), paid by the
/// highest tier of contract investment reached.
/// </summary>
public sealed class SignedProjectRule : IClauseRule, IHintingRule
{
    private readonly Period _period;
    private readonly TierTable _tiers;

    public SignedProjectRule(ParamReader p)
    {
        var text = p.String("period");
        _period = Period.TryParse(text, out var pp) ? pp : throw p.Error($"“{text}”不是期间 / '{text}' is not a period");
        _tiers = TierTable.Read(p, "tiers");
    }

    private bool InPeriod(DateOnly? d) => d is { } x && x >= _period.Start && x <= _period.End;

    public void Evaluate(RuleContext ctx)
    {
        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind != "signed" || project.StartedOn is not { } started || !ctx.InYear(started))
            {
                continue;
            }

            var inQuarter = InPeriod(project.SignedOn) && InPeriod(project.StartedOn);
            ctx.Check($"招商签约项目{project.Id}须于{_period.ToChinese()}签约（{project.SignedOn:yyyy-MM-dd}）且开工（{started:yyyy-MM-dd}）", inQuarter);
            if (!inQuarter || project.ContractInvestment is not { } invest)
            {
                continue;
            }

            var tier = _tiers.Reached(invest);
            ctx.Check($"合同投资额{Zh.Money(invest)}须≥{Zh.Money(_tiers.Tiers[0].AtLeast)}", tier is not null);
            if (tier is not null && !ctx.AlreadyPaid(project.Id, $"招商签约项目{project.Id}"))
            {
                ctx.Award(project.Id, tier.Pays, started, $"招商签约项目{project.Id}于{project.SignedOn:yyyy-MM-dd}签约、{started:yyyy-MM-dd}开工，合同投资额{Zh.Money(invest)}达到{Zh.Money(tier.AtLeast)}，给予开工奖励{Zh.Money(tier.Pays)}");
            }
        }
    }

    public void Hint(RuleContext ctx)
    {
        if (!ctx.Payable(_period.End) || _period.Year != ctx.Year)
        {
            return;
        }

        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind == "signed" && InPeriod(project.SignedOn) && InPeriod(project.StartedOn) && project.ContractInvestment is { } invest && _tiers.Next(invest) is { } next)
            {
                var now = _tiers.Reached(invest)?.Pays ?? 0m;
                ctx.Hint("contractInvestment", ctx.Year, next.AtLeast - invest, next.Pays - now,
                    $"招商签约项目{project.Id}合同投资额再增加{Zh.Money(next.AtLeast - invest)}（达到{Zh.Money(next.AtLeast)}），开工奖励可增加{Zh.Money(next.Pays - now)}");
            }
        }
    }
}

/// <summary>
/// zzw2022-155/10: industrial-building space leased for three years or more, or bought and producing an economic
/// contribution, paid once per enterprise and kind by the highest area tier reached.
/// </summary>
public sealed class PremisesRule : IClauseRule
{
    private readonly Requirements _requires;
    private readonly int _leaseYears;
    private readonly TierTable _lease;
    private readonly TierTable _purchase;

    public PremisesRule(ParamReader p)
    {
        _requires = Requirements.Read(p);
        _leaseYears = p.Int("leaseYears");
        _lease = TierTable.Read(p, "lease");
        _purchase = TierTable.Read(p, "purchase");
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.Premises.Count == 0)
        {
            return;
        }

        var candidates = ctx.Dossier.Premises.Where(x => ctx.InYear(x.Date)).ToList();
        if (candidates.Count == 0 || !_requires.Check(ctx))
        {
            return;
        }

        foreach (var kind in new[] { "lease", "purchase" })
        {
            var tiers = kind == "lease" ? _lease : _purchase;
            (Premises Premises, Tier Tier)? best = null;
            foreach (var x in candidates.Where(c => c.Kind == kind))
            {
                if (kind == "lease")
                {
                    var long3 = x.Since.AddYears(_leaseYears) <= x.Date;
                    ctx.Check($"租赁工业楼宇自{x.Since:yyyy-MM-dd}起至{x.Date:yyyy-MM-dd}须满{_leaseYears}年", long3);
                    if (!long3)
                    {
                        continue;
                    }
                }

                var tier = tiers.Reached(x.Area);
                ctx.Check($"{Vocabulary.Chinese(kind)}工业楼宇面积{Zh.Number(x.Area)}平方米须≥{Zh.Number(tiers.Tiers[0].AtLeast)}平方米", tier is not null);
                if (tier is not null && (best is null || tier.Pays > best.Value.Tier.Pays))
                {
                    best = (x, tier);
                }
            }

            if (best is not { } b)
            {
                continue;
            }

            if (ctx.Paid(kind) > 0)
            {
                ctx.NotPaid(kind, $"{Vocabulary.Chinese(kind)}工业楼宇一次性补助已支付，不重复支付");
                continue;
            }

            var because = kind == "lease"
                ? $"租赁入驻工业楼宇{Zh.Number(b.Premises.Area)}平方米（自{b.Premises.Since:yyyy-MM-dd}起满{_leaseYears}年），面积达到{Zh.Number(b.Tier.AtLeast)}平方米，给予{Zh.Money(b.Tier.Pays)}一次性补助"
                : $"购买工业楼宇产权{Zh.Number(b.Premises.Area)}平方米，{b.Premises.Date:yyyy-MM-dd}在属地经营并产生经济贡献，面积达到{Zh.Number(b.Tier.AtLeast)}平方米，给予{Zh.Money(b.Tier.Pays)}一次性补助";
            ctx.Award(kind, b.Tier.Pays, b.Premises.Date, because);
        }
    }
}

/// <summary>
/// sj-sangao/2.2: a profit margin (营业收入利润率) at least 2, 1.7 or 1.5 times the city's same-industry average,
/// paid by the highest multiple reached.
/// </summary>
public sealed class ProfitMarginRule : IClauseRule
{
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
}
