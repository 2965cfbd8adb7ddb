using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>The traits a clause asks of the enterprise: all of <c>requires</c>, and one of <c>requiresAny</c> when given.</summary>
public sealed record Requirements(IReadOnlyList<string> All, IReadOnlyList<string> Any)
{
    public static Requirements Read(ParamReader p) =>
        new(p.Words("requires", Vocabulary.Traits), p.Words("requiresAny", Vocabulary.Traits));

    public bool Check(RuleContext ctx) => ctx.Requires(All, Any);
}

/// <summary>A tier of a table where the highest tier reached pays (e.g. 5亿/10亿/30亿/50亿 → 10/30/100/200万).</summary>
public sealed record Tier(decimal AtLeast, decimal Pays);

/// <summary>A table of tiers, highest reached wins (取最高档).</summary>
public sealed record TierTable(IReadOnlyList<Tier> Tiers)
{
    public static TierTable Read(ParamReader p, string name)
    {
        var tiers = p.List(name).Select(t =>
        {
            var tier = new Tier(t.Amount("atLeast"), t.Amount("pays"));
            t.Done();
            return tier;
        }).OrderBy(t => t.AtLeast).ToList();
        return tiers.Count == 0 ? throw p.Error($"“{name}”至少需要一档 / '{name}' needs at least one tier") : new TierTable(tiers);
    }

    /// <summary>The highest tier whose bar the quantity reaches (≥), or null.</summary>
    public Tier? Reached(decimal quantity)
    {
        Tier? best = null;
        foreach (var t in Tiers)
        {
            if (quantity >= t.AtLeast)
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>The next tier above the one reached, for hints.</summary>
    public Tier? Next(decimal quantity)
    {
        foreach (var t in Tiers)
        {
            if (quantity < t.AtLeast)
            {
                return t;
            }
        }

        return null;
    }
}

/// <summary>
/// The elements of a dossier section or an answer's lines for a <c>foreach</c> that allocates no enumerator and makes
/// no interface call per element (the lists are never changed while read).
/// </summary>
public static class Items
{
    public static ReadOnlySpan<T> Of<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };
}

/// <summary>Small arithmetic the documents use, exact in decimal.</summary>
public static class Money
{
    /// <summary>A percentage award is rounded down to the yuan (interpretation.md rule 1; the rounding is <see cref="Yuan.FloorToYuan"/>).</summary>
    public static decimal FloorYuan(decimal v) => Yuan.Of(v).FloorToYuan();

    /// <summary>"每…N…奖励A": floor(quantity / N), never negative.</summary>
    public static decimal Steps(decimal quantity, decimal size) => quantity <= 0 ? 0 : decimal.Floor(quantity / size);

    /// <summary>Growth over a base: (this − base) / base, exact. Null when the base is missing or zero (rule 3).</summary>
    public static decimal? Growth(decimal? current, decimal? baseValue) =>
        current is { } c && baseValue is { } b && b != 0 ? (c - b) / b : null;

    public static decimal Min(decimal a, decimal? cap) => cap is { } c && a > c ? c : a;
}
