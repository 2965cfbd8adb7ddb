using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A chain leader's purchases from qualifying suppliers (“链主”企业采购或委托加工): zz2023-23/21 (3%, 5%) and
/// zzw2022-155/9 (1%, 1.5%), one part per chain (现有供应链内 / 新增配套).
/// </summary>
/// <remarks>
/// Purchases are first summed per supplier and year; a supplier qualifies when its sum reaches the bar (≥). The base is
/// the sum over qualifying suppliers, or, under the other reading of "全部采购额", all the chain's purchases once one
/// supplier qualifies: the reading switch <c>chain-base</c>.
/// </remarks>
public sealed class ChainPurchasesRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on a year's purchases.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly Requirements _requires;
    private readonly string _base;
    private readonly IReadOnlyList<(string Chain, decimal Min, decimal Rate, decimal? Cap)> _chains;

    public ChainPurchasesRule(ParamReader p)
    {
        _requires = Requirements.Read(p);
        _base = p.Switch("base", "qualifying-suppliers", "all-purchases");
        _chains = p.List("chains").Select(c =>
        {
            var entry = (c.Word("chain", Vocabulary.SupplyChains), c.Amount("minPerSupplier"), c.Rate("rate"), c.Cap());
            c.Done();
            return entry;
        }).ToList();
    }

    private static Dictionary<string, decimal> BySupplier(RuleContext ctx, string chain)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in Items.Of(ctx.Dossier.Procurement))
        {
            if (p.Year == ctx.Year && p.Chain == chain)
            {
                sums[p.Supplier] = sums.GetValueOrDefault(p.Supplier) + p.Amount;
            }
        }

        return sums;
    }

    public void Evaluate(RuleContext ctx)
    {
        var any = false;
        foreach (var p in Items.Of(ctx.Dossier.Procurement))
        {
            any |= p.Year == ctx.Year;
        }

        if (!any || !_requires.Check(ctx))
        {
            return;
        }

        foreach (var (chain, min, rate, cap) in _chains)
        {
            var sums = BySupplier(ctx, chain);
            if (sums.Count == 0)
            {
                continue;
            }

            var qualifying = sums.Where(s => s.Value >= min).ToList();
            // The chain's own word: "new" is 新增配套 here, not a project kind's 新建项目.
            var name = Vocabulary.SupplyChains[chain];
            ctx.Check($"{ctx.Year}年{name}采购额达到{Zh.Money(min)}的供应商{qualifying.Count}家（共{sums.Count}家）", qualifying.Count > 0);
            if (qualifying.Count == 0)
            {
                continue;
            }

            var baseAmount = _base == "all-purchases" ? sums.Values.Sum() : qualifying.Sum(s => s.Value);
            var raw = Money.FloorYuan(baseAmount * rate);
            var pay = Money.Min(raw, cap);
            var u = Zh.UnitOf(min, baseAmount, raw, cap ?? raw);
            var text = _base == "all-purchases"
                ? $"{ctx.Year}年{name}采购或委托加工：{qualifying.Count}家供应商单家达到{Zh.MoneyIn(min, u)}以上，全部{sums.Count}家采购额合计{Zh.MoneyIn(baseAmount, u)}×{Zh.Percent(rate)}={Zh.MoneyIn(raw, u)}"
                : $"{ctx.Year}年{name}采购或委托加工：单家达到{Zh.MoneyIn(min, u)}以上的供应商{qualifying.Count}家，采购额合计{Zh.MoneyIn(baseAmount, u)}×{Zh.Percent(rate)}={Zh.MoneyIn(raw, u)}";
            if (cap is { } c)
            {
                text += raw > c ? $"，超过最高{Zh.MoneyIn(c, u)}，奖励{Zh.MoneyIn(c, u)}" : $"，未超过最高{Zh.MoneyIn(c, u)}";
                if (raw > c)
                {
                    ctx.NotPaid(chain, $"超过最高奖励{Zh.Money(c)}的部分{Zh.Money(raw - c)}不予支付");
                }
            }

            pay = ctx.LeftOfYear(pay, cap, chain, ref text);
            if (pay > 0)
            {
                ctx.Award(chain, pay, new DateOnly(ctx.Year, 12, 31), text);
            }
        }
    }

    public void Hint(RuleContext ctx)
    {
        if (!ctx.Payable(new DateOnly(ctx.Year, 12, 31)) || !ctx.HasAll(_requires.All))
        {
            return;
        }

        foreach (var (chain, min, rate, cap) in _chains)
        {
            var sums = BySupplier(ctx, chain);
            if (sums.Count == 0 || sums.Values.Any(v => v >= min))
            {
                continue;
            }

            var top = sums.MaxBy(s => s.Value);
            var needed = min - top.Value;
            var wouldPay = ctx.MoreAfterLedger(0m, Money.Min(Money.FloorYuan((_base == "all-purchases" ? sums.Values.Sum() + needed : min) * rate), cap), chain);
            ctx.Hint("procurement", ctx.Year, needed, wouldPay, $"{ctx.Year}年向供应商{top.Key}的{Vocabulary.SupplyChains[chain]}采购再增加{Zh.Money(needed)}（达到{Zh.Money(min)}），可获奖励{Zh.Money(wouldPay)}");
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <summary>The chain in the text's words: 现有供应链内 / 新增配套 (not a project kind's 新建项目).</summary>
    private static string Chain(string chain) => Vocabulary.SupplyChains.TryGetValue(chain, out var zh) ? zh : Say.Term(chain);

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies(Say.Requires(_requires) ?? "采购或委托加工本地配套产品的企业。");
        foreach (var (chain, min, rate, cap) in _chains)
        {
            var basis = _base == "all-purchases" ? $"有一家供应商年采购额{Say.AtLeast(Zh.Money(min))}的，按全部{Chain(chain)}采购额" : $"按年采购额{Say.AtLeast(Zh.Money(min))}的{Chain(chain)}供应商的采购额合计";
            reading.Pays($"{Chain(chain)}：{basis}的{Zh.Percent(rate)}给予奖励（按元向下取整）。");
            reading.Limit($"{Chain(chain)}：{Say.Cap(cap, "每家企业每年")}");
        }

        string[] suppliers = ["91410100MA18931346", "91410100MA119312XG", "91410100MA3159566W"];
        foreach (var (chain, min, _, _) in _chains.Take(2))
        {
            var big = min * 1.2m;
            var small = min / 5m;
            var lines = new[] { (suppliers[0], big), (suppliers[1], big), (suppliers[2], small) }
                .Select(s => new JsonObject { ["year"] = reading.Year, ["supplier"] = s.Item1, ["amount"] = s.Item2, ["chain"] = chain }).ToArray();
            reading.Typical($"某企业{reading.Year}年向{Chain(chain)}的三家供应商分别采购{Zh.Money(big)}、{Zh.Money(big)}、{Zh.Money(small)}", Say.Facts("procurement", lines).With(_requires));
        }
    }

    #endregion
}
