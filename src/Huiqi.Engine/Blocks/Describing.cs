using System.Text.Json.Nodes;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// The phrases every block's reading (政策解读) shares, so a threshold, a cap or a once-only rule is said one way
/// across the catalogue: ≥ is “达到…以上”, &gt; is “超过…”.
/// </summary>
public static class Say
{
    /// <summary>≥: 达到1000万元以上.</summary>
    public static string AtLeast(string what) => $"达到{what}以上";

    /// <summary>&gt;: 超过50亿元.</summary>
    public static string Over(string what) => $"超过{what}";

    /// <summary>A cap: “每个项目最高奖励1000万元”, or that there is none.</summary>
    public static string Cap(decimal? cap, string per) => cap is { } c ? $"{per}最高奖励{Zh.Money(c)}，超出部分不予支付。" : $"{per}不设上限。";

    /// <summary>A table where the highest tier reached pays: “达到5亿元以上的，奖励10万元；达到10亿元以上的，奖励30万元”.</summary>
    public static string Tiers(TierTable table, Func<decimal, string> bar)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(bar);
        return string.Join("；", table.Tiers.Select(t => $"{AtLeast(bar(t.AtLeast))}的，奖励{Zh.Money(t.Pays)}")) + "（按达到的最高一档奖励，不累加）。";
    }

    /// <summary>The Chinese of a vocabulary word: 技术改造, 省级专精特新中小企业.</summary>
    public static string Term(string word) => Vocabulary.Chinese(word);

    /// <summary>Terms joined as the documents list them: 甲、乙、丙.</summary>
    public static string Terms(IEnumerable<string> words, string separator = "、") => string.Join(separator, words.Select(Vocabulary.Chinese));

    /// <summary>“须为工业企业” with the traits a clause requires, or null when it requires none.</summary>
    public static string? Requires(Requirements r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.All.Count == 0 && r.Any.Count == 0)
        {
            return null;
        }

        var need = Terms(r.All);
        if (r.Any.Count > 0)
        {
            need += (need.Length > 0 ? "，且为" : "") + Terms(r.Any, "或");
        }

        return $"须为{need}。";
    }

    /// <summary>Says the traits a clause requires, if any, among who qualifies.</summary>
    public static void Requires(this Catalog.ReadingDraft reading, Requirements r)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (Requires(r) is { } need)
        {
            reading.Qualifies(need);
        }
    }

    /// <summary>Adds the traits a typical enterprise of the clause has.</summary>
    public static JsonObject With(this JsonObject dossier, Requirements r)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(r);
        var traits = r.All.Concat(r.Any.Take(1)).ToList();
        if (traits.Count > 0)
        {
            dossier["traits"] = new JsonArray([.. traits.Select(t => (JsonNode)t)]);
        }

        return dossier;
    }

    /// <summary>A dossier fragment of one list of facts: <c>{ "honors": [ {...} ] }</c>.</summary>
    public static JsonObject Facts(string list, params JsonObject[] items) => new() { [list] = new JsonArray([.. items]) };

    /// <summary>A yearly figure series: <c>{ "2023": 1, "2024": 2 }</c>.</summary>
    public static JsonObject Series(params (int Year, decimal Value)[] values)
    {
        var o = new JsonObject();
        foreach (var (y, v) in values)
        {
            o[y.ToString(System.Globalization.CultureInfo.InvariantCulture)] = v;
        }

        return o;
    }

    /// <summary>A figure for a typical case, cut to its two leading digits so a reader recomputes it by hand: 16666667 → 16000000.</summary>
    public static decimal Round(decimal v)
    {
        var unit = 1m;
        while (v / unit >= 100m)
        {
            unit *= 10m;
        }

        return decimal.Floor(v / unit) * unit;
    }

    /// <summary>A day of the award year for an event of a typical case: 30 June.</summary>
    public static string MidYear(int year) => $"{year}-06-30";

    /// <summary>An amount written exactly, for the facts of a typical case.</summary>
    public static string Money(decimal yuan) => Zh.Money(yuan);
}
