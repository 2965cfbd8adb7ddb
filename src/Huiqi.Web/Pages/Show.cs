using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Microsoft.AspNetCore.Html;

namespace Huiqi.Web.Pages;

/// <summary>How the pages write amounts, dates and the contract's English codes in Chinese.</summary>
public static class Show
{
    /// <summary>An amount as <see cref="Written.Money"/> writes it (9,999元, 185.19万元, 12.32亿元), for text without markup.</summary>
    public static string Money(decimal yuan) => Written.Money(yuan);

    /// <summary>
    /// An amount on a page: <see cref="Written.Money"/>'s short form, the exact yuan on hover
    /// (<c>&lt;span class="money" title="精确金额：1,851,851元"&gt;185.19万元&lt;/span&gt;</c>).
    /// </summary>
    public static IHtmlContent MoneyHtml(decimal yuan) =>
        new HtmlString($"<span class=\"money\" title=\"精确金额：{Written.ExactMoney(yuan)}\">{Written.Money(yuan)}</span>");

    /// <summary>An amount in yuan with thousands separators (1,851,851), for a column headed （元） where the exact figure is the point (a payment).</summary>
    public static string Yuan(decimal yuan) => Written.Yuan(yuan);

    /// <summary>A date in a table: 2026-12-03.</summary>
    public static string Date(DateOnly? d) => d is { } day ? Written.Date(day) : "—";

    /// <summary>The Beijing day of a stored UTC time, in a table: 2026-12-03.</summary>
    public static string Date(DateTime utc) => Written.Date(utc);

    /// <summary>A date in a sentence or an official text: 2026年12月3日.</summary>
    public static string LongDate(DateOnly d) => Written.LongDate(d);

    /// <summary>A time, in Beijing time: 2026-12-03 14:05.</summary>
    public static string Time(DateTimeOffset instant) => Written.Time(instant);

    /// <summary>A stored UTC time, in Beijing time: 2026-12-03 14:05.</summary>
    public static string Time(DateTime utc) => Written.Time(utc);

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
        ? $"{Written.Date(w.From)} 至 {(w.To == DateOnly.MaxValue ? "长期" : Written.Date(w.To))}"
        : c.Document.DurationYears is { } y ? $"正式施行后{y}年（尚未施行）" : "未定";

    public static string Window(PolicyDocument d) => d.Window is { } w
        ? $"{Written.Date(w.From)} 至 {(w.To == DateOnly.MaxValue ? "长期" : Written.Date(w.To))}"
        : d.DurationYears is { } y ? $"正式施行后{y}年（尚未施行）" : "未定";

    public static string Split(CostSplit s) => s.District == 0 ? "市级财政全额承担" : $"市、区两级财政按 {s.City}:{s.District} 分担";

    /// <summary>The page of a clause: <c>/policies/zz2023-23/5</c>.</summary>
    public static string ClauseUrl(string id) => "/policies/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    public static string DocumentUrl(string id) => "/policies/" + Uri.EscapeDataString(id);

    public static string EnterpriseUrl(string uscc) => "/enterprise/" + Uri.EscapeDataString(uscc);
}
