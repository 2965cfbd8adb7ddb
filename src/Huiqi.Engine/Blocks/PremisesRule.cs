using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/10: industrial-building space leased for three years or more, or bought and producing an economic
/// contribution, paid once per enterprise and kind by the highest area tier reached.
/// </summary>
public sealed class PremisesRule : IClauseRule
{
    /// <summary>Paid on premises rented or bought.</summary>
    public AwardBasis Basis => AwardBasis.Events;

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
                ? $"租赁入驻工业楼宇{Zh.Number(b.Premises.Area)}平方米（自{Zh.Date(b.Premises.Since)}起满{_leaseYears}年），面积达到{Zh.Number(b.Tier.AtLeast)}平方米，给予{Zh.Money(b.Tier.Pays)}一次性补助"
                : $"购买工业楼宇产权{Zh.Number(b.Premises.Area)}平方米，{Zh.Date(b.Premises.Date)}在属地经营并产生经济贡献，面积达到{Zh.Number(b.Tier.AtLeast)}平方米，给予{Zh.Money(b.Tier.Pays)}一次性补助";
            ctx.Award(kind, b.Tier.Pays, b.Premises.Date, because);
        }
    }
}
