using Huiqi.Engine.Model;

namespace Huiqi.Engine.Evaluation;

/// <summary>
/// The ledger (兑付台账, <c>grants</c>) as every building block reads it: once-only items (一次性奖励), yearly caps
/// (同一企业每年最高…、单户企业最高…) and ladders (级差、从高不重复) across clauses and years
/// (interpretation.md rules 5–7). No block reads <see cref="Dossier.Grants"/> itself.
/// </summary>
public sealed partial class RuleContext
{
    /// <summary>The ledger lines of a clause (this one by default).</summary>
    public IEnumerable<Grant> Grants(string? clause = null)
    {
        var id = clause ?? Clause.Id;
        var grants = Dossier.Grants;
        for (var i = 0; i < grants.Count; i++)
        {
            if (grants[i].Clause == id)
            {
                yield return grants[i];
            }
        }
    }

    /// <summary>What the ledger shows paid under a clause (this one by default), for one item or all, in any year.</summary>
    public decimal Paid(string? item = null, string? clause = null)
    {
        var id = clause ?? Clause.Id;
        var sum = 0m;
        foreach (var g in Items(Dossier.Grants))
        {
            if (g.Clause == id && (item is null || g.Item == item))
            {
                sum += g.Amount;
            }
        }

        return sum;
    }

    /// <summary>
    /// Once only (rule 7): whether the ledger already paid this item under this clause, in any year. A line without an
    /// item counts when the clause has a single title (<paramref name="soleItem"/>): it can only have paid that title.
    /// When it did, the item is listed as not paid, with the sentence a reviewer reads.
    /// </summary>
    /// <param name="item">The title, project or product; null for a clause paid once as a whole.</param>
    /// <param name="what">How the sentence names it.</param>
    /// <param name="soleItem">The clause has one title only, so a line without an item paid it.</param>
    /// <param name="wholeClause">Any line of the clause counts (同一企业只享受一次).</param>
    public bool AlreadyPaid(string? item, string what, bool soleItem = false, bool wholeClause = false)
    {
        var sum = 0m;
        foreach (var g in Items(Dossier.Grants))
        {
            if (g.Clause == Clause.Id && (wholeClause || g.Item == item || (soleItem && g.Item is null)))
            {
                sum += g.Amount;
            }
        }

        if (sum <= 0)
        {
            return false;
        }

        Check($"{what}已获奖励{Zh.Money(sum)}，不再奖励", false);
        NotPaid(item, $"{what}已获一次性奖励{Zh.Money(sum)}，不重复支付");
        return true;
    }

    /// <summary>
    /// What the ledger shows paid under this clause for the award year (<see cref="Grant.Year"/>): all its lines, or,
    /// for an item (a part of the clause with its own cap), the lines naming that item and those naming none (a line
    /// that does not say which part it paid is counted against each, so that no cap can be passed).
    /// </summary>
    public decimal PaidThisYear(string? item = null)
    {
        item ??= Part.Item;
        var sum = 0m;
        foreach (var g in Items(Dossier.Grants))
        {
            if (g.Clause == Clause.Id && g.Year == Year && (item is null || g.Item is null || g.Item == item))
            {
                sum += g.Amount;
            }
        }

        return sum;
    }

    /// <summary>
    /// A yearly award worked out from the whole year's facts (a year's spending, growth, purchases, levels crossed):
    /// what the ledger already paid for that award year is part of it, so the offer is the amount earned (already
    /// capped) less the ledger, never below zero. The sentence says how much was paid and how much of the cap it used.
    /// </summary>
    public decimal LeftOfYear(decimal earned, decimal? cap, string? item, ref string because)
    {
        var used = PaidThisYear(item);
        if (used <= 0)
        {
            return earned;
        }

        var pay = Math.Max(0m, earned - used);
        var capUsed = cap is { } c ? $"，每年最高{Zh.Money(c)}已使用{Zh.Money(Math.Min(used, c))}" : "";
        because += $"，台账显示{Year}年已兑付{Zh.Money(used)}{capUsed}，本次奖励{Zh.Money(pay)}";
        if (pay == 0)
        {
            Check($"{Year}年已兑付{Zh.Money(used)}{capUsed}，本年度应奖励{Zh.Money(earned)}已全部兑付", false);
            NotPaid(item, $"台账显示{Year}年已兑付{Zh.Money(used)}{capUsed}，本年度应奖励{Zh.Money(earned)}已全部兑付");
        }

        return pay;
    }

    /// <summary>
    /// For a hint: what reaching a further figure would add to the award year, from the amount earned now to the amount
    /// earned then (both already capped), once the ledger's payments for that year are counted (<see cref="LeftOfYear"/>).
    /// </summary>
    public decimal MoreAfterLedger(decimal now, decimal then, string? item = null)
    {
        var used = PaidThisYear(item);
        return Math.Max(0m, then - used) - Math.Max(0m, now - used);
    }

    /// <summary>
    /// A yearly cap shared by separate events (rankings, projects): what is left of it for the award year after the
    /// ledger, or null when there is no cap; <paramref name="text"/> says how much the ledger used, or is empty.
    /// </summary>
    public decimal? CapLeft(decimal? cap, string? item, out string text)
    {
        text = "";
        if (cap is not { } c)
        {
            return null;
        }

        var used = PaidThisYear(item);
        if (used <= 0)
        {
            return c;
        }

        var left = Math.Max(0m, c - used);
        text = $"，每年最高{Zh.Money(c)}，台账显示{Year}年已使用{Zh.Money(used)}，尚余{Zh.Money(left)}";
        return left;
    }

    /// <summary>
    /// A ladder (级差、从高不重复) that may span clauses (zzb2022-zjtx/2 and /3): everything the ledger shows paid under
    /// this clause and the others, in any year, and what the others were offered earlier in this evaluation.
    /// </summary>
    /// <returns>Each payment with the name a sentence gives it and the item (title) it paid, when known.</returns>
    public List<(string Name, decimal Amount, string? Item)> PaidOnLadder(IReadOnlyList<string> with)
    {
        var paid = new List<(string Name, decimal Amount, string? Item)>();
        foreach (var g in Items(Dossier.Grants))
        {
            if (g.Clause == Clause.Id || Contains(with, g.Clause))
            {
                var name = g.Item is { } i ? Vocabulary.Chinese(i) : "奖励";
                paid.Add((g.Clause == Clause.Id ? name : $"{name}（按{ArticleOf(g.Clause)}兑付）", g.Amount, g.Item));
            }
        }

        foreach (var c in Proposed)
        {
            if (c.Amount > 0 && c.EventDate.Year == Year && Contains(with, c.Clause.Id) && Payable(c.EventDate))
            {
                paid.Add(($"{(c.Item is { } i ? Vocabulary.Chinese(i) : "奖励")}（本年度按{c.Clause.ArticleName}）", c.Amount, c.Item));
            }
        }

        return paid;
    }

    /// <summary>
    /// The ledger's payments for this very title on a ladder (this clause and those it forms one ladder with), in any
    /// year: their sum, and the last of them for the sentence (该称号已于2024年4月1日兑付30万元), or null when none.
    /// </summary>
    public Grant? TitlePaid(string item, IReadOnlyList<string> with, out decimal sum)
    {
        sum = 0m;
        Grant? last = null;
        foreach (var g in Items(Dossier.Grants))
        {
            if (g.Item == item && (g.Clause == Clause.Id || Contains(with, g.Clause)))
            {
                sum += g.Amount;
                last = last is null || g.Date > last.Date ? g : last;
            }
        }

        return sum > 0 ? last : null;
    }

    private static bool Contains(IReadOnlyList<string> list, string id)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == id)
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<Grant> Items(IReadOnlyList<Grant> grants) => Blocks.Items.Of(grants);
}
