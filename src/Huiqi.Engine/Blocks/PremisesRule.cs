using System.Text.Json.Nodes;
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

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Requires(_requires);

        reading.Qualifies($"租赁工业楼宇且租期满{_leaseYears}年，或购买工业楼宇用于生产经营的企业。");
        static string Area(decimal m2) => $"{Zh.Number(m2)}平方米";
        reading.Pays("租赁：" + Say.Tiers(_lease, Area));
        reading.Pays("购买：" + Say.Tiers(_purchase, Area));
        reading.Limit("租赁、购买各只奖励一次。");
        var tier = _lease.Tiers[Math.Min(1, _lease.Tiers.Count - 1)];
        var area = tier.AtLeast + 5000m;
        var day = new DateOnly(reading.Year, 6, 1);
        var lease = new JsonObject
        {
            ["kind"] = "lease", ["area"] = area,
            ["since"] = day.AddYears(-_leaseYears).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        reading.Typical($"某企业自{Zh.Date(day.AddYears(-_leaseYears))}起租赁工业楼宇{Area(area)}，至{Zh.Date(day)}满{_leaseYears}年", Say.Facts("premises", lease).With(_requires));
    }

    #endregion
}
