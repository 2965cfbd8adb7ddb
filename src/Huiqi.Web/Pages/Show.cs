using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Web.Pages;

/// <summary>How the pages write amounts, dates and the contract's English codes in Chinese.</summary>
public static class Show
{
    /// <summary>An amount as the documents write it (360万元), exact.</summary>
    public static string Money(decimal yuan) => Zh.Money(yuan);

    /// <summary>An amount in yuan with thousands separators, for tables and spreadsheets.</summary>
    public static string Yuan(decimal yuan) => yuan.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Trait(string code) => Vocabulary.Traits.TryGetValue(code, out var zh) ? zh : code;

    public static string Sector(string code) => Vocabulary.Sectors.TryGetValue(code, out var zh) ? zh : code;

    public static string Metric(string code) => Vocabulary.Metrics.TryGetValue(code, out var zh) ? zh : code;

    public static string Honor(string code) => Vocabulary.HonorKinds.TryGetValue(code, out var zh) ? zh : code;

    /// <summary>An award line's item (事项) in Chinese: <see cref="Vocabulary.Item"/>.</summary>
    public static string Item(string code) => Vocabulary.Item(code);

    public static string ProjectKind(string code) => Vocabulary.ProjectKinds.TryGetValue(code, out var zh) ? zh : code;

    public static string SpendingKind(string code) => Vocabulary.SpendingKinds.TryGetValue(code, out var zh) ? zh : code;

    public static string RankingList(string code) => Vocabulary.RankingLists.TryGetValue(code, out var zh) ? zh : code;


    public static string Way(ClauseWay w) => w == ClauseWay.NoApplication ? "免申即享" : "快申快享（需申请）";

    public static string Window(Clause c) => c.EffectiveWindow is { } w
        ? $"{w.From:yyyy-MM-dd} 至 {(w.To == DateOnly.MaxValue ? "长期" : w.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"
        : c.Document.DurationYears is { } y ? $"正式施行后{y}年（尚未施行）" : "未定";

    public static string Window(PolicyDocument d) => d.Window is { } w
        ? $"{w.From:yyyy-MM-dd} 至 {(w.To == DateOnly.MaxValue ? "长期" : w.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"
        : d.DurationYears is { } y ? $"正式施行后{y}年（尚未施行）" : "未定";

    public static string Split(CostSplit s) => s.District == 0 ? "市级财政全额承担" : $"市、区两级财政按 {s.City}:{s.District} 分担";

    /// <summary>The page of a clause: <c>/policies/zz2023-23/5</c>.</summary>
    public static string ClauseUrl(string id) => "/policies/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    public static string DocumentUrl(string id) => "/policies/" + Uri.EscapeDataString(id);

    public static string EnterpriseUrl(string uscc) => "/enterprise/" + Uri.EscapeDataString(uscc);
}
