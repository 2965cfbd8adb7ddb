using System.Text.Json.Nodes;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Catalog;

/// <summary>
/// What a building block says of itself for a clause's 政策解读, from its own parameters: who qualifies (适用对象), how
/// the award is worked out (奖励标准), its limits (上限、一次性、级差), and typical cases (典型情形) as small dossiers that
/// <see cref="ClauseReading"/> runs through the engine, so the amount a reader sees is the engine's.
/// </summary>
public sealed class ReadingDraft(string clauseId, int year)
{
    /// <summary>The clause read, for a typical case whose ledger already holds an award of it (级差).</summary>
    public string ClauseId { get; } = clauseId;

    /// <summary>The award year a typical case is set in: a year inside the clause's window.</summary>
    public int Year { get; } = year;

    internal List<string> Who { get; } = [];
    internal List<string> Standard { get; } = [];
    internal List<string> Limits { get; } = [];
    internal List<(string Facts, JsonObject Dossier, int Year)> Cases { get; } = [];

    /// <summary>适用对象: who may have the award.</summary>
    public void Qualifies(string sentence) => Who.Add(sentence);

    /// <summary>奖励标准: what is counted and how much it pays.</summary>
    public void Pays(string sentence) => Standard.Add(sentence);

    /// <summary>限制: caps, once-only, ladders.</summary>
    public void Limit(string sentence) => Limits.Add(sentence);

    /// <summary>典型情形: the facts in words and the dossier that has them, evaluated for <paramref name="year"/> (default <see cref="Year"/>).</summary>
    public void Typical(string facts, JsonObject dossier, int? year = null) => Cases.Add((facts, dossier, year ?? Year));
}

/// <summary>A library rule that can name the facts of a typical member, so a typical case of a clause paying its members qualifies.</summary>
public interface ITypicalMember
{
    void AddMember(JsonObject dossier, int year);
}

/// <summary>A typical case (典型情形) worked by the engine: the facts, the award year, the engine's amount and its arithmetic.</summary>
public sealed record TypicalCase(string Facts, int Year, decimal Amount, IReadOnlyList<string> Working, IReadOnlyList<string> Referred, string DossierJson)
{
    /// <summary>The case as one paragraph a reader recomputes by hand.</summary>
    public string Sentence => Referred.Count > 0
        ? $"{Facts}：{string.Join("；", Referred)}，转人工办理。"
        : Amount > 0
            ? $"{Facts}：{string.Join("；", Working)}。合计奖励{Zh.Money(Amount)}。"
            : $"{Facts}：不予奖励。";
}

/// <summary>
/// The plain-language reading of a clause (政策解读), composed once for every clause from what its blocks say of
/// themselves and what the catalogue says of its document (window, payer, way). No clause has text of its own here:
/// change a parameter and the reading changes with it.
/// </summary>
public sealed record ClauseReading(
    IReadOnlyList<string> Who,
    IReadOnlyList<string> Standard,
    IReadOnlyList<string> Limits,
    string Way,
    string Payer,
    string Window,
    IReadOnlyList<TypicalCase> Cases)
{
    /// <summary>
    /// Every sentence of the reading, in the order a page shows them (the typical cases last); the way, payer and window
    /// carry the label a page puts in its own column.
    /// </summary>
    public IEnumerable<string> Sentences => Who.Concat(Standard).Concat(Limits)
        .Append("兑现方式：" + Way).Append("资金来源：" + Payer).Append("适用期间：" + Window).Concat(Cases.Select(c => c.Sentence));

    /// <summary>The reading as one text, for a search or a test.</summary>
    public string Text => string.Join("\n", Sentences);

    /// <summary>Reads a clause of <paramref name="catalog"/> as of <paramref name="today"/> (Beijing's date).</summary>
    public static ClauseReading Of(PolicyCatalog catalog, Clause clause, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clause);
        var year = TypicalYear(clause, today);
        var who = new List<string>();
        var standard = new List<string>();
        var limits = new List<string>();
        var perPart = new List<List<(string, JsonObject, int)>>();
        foreach (var part in clause.Parts)
        {
            var draft = new ReadingDraft(clause.Id, year);
            part.Rule.Describe(draft);
            // A block knows other clauses by id (a ladder across articles); the reader knows them by name. Where a clause
            // pays several items by several rules, each sentence says which item it is of.
            var of = clause.Parts.Count > 1 && part.Item is { } item ? Vocabulary.Chinese(item) + "：" : "";
            who.AddRange(draft.Who.Select(w => of + catalog.Spell(w)).Where(w => !who.Contains(w)));
            standard.AddRange(draft.Standard.Select(w => of + catalog.Spell(w)));
            limits.AddRange(draft.Limits.Select(l => of + catalog.Spell(l)).Where(l => !limits.Contains(l)));
            perPart.Add(draft.Cases);
        }

        if (clause.Library is { } lib)
        {
            who.Insert(0, $"须已入选{catalog.Libraries.FirstOrDefault(l => l.Id == lib)?.Name ?? lib}。");
        }

        var only = catalog.Only([clause.Id]);
        // One or two cases, and the first of every part of a clause of several parts.
        var cases = perPart.SelectMany(p => p.Select((c, i) => (c, i))).OrderBy(x => x.i).Select(x => x.c).Take(Math.Max(2, perPart.Count));
        var worked = cases.Select(c => Work(only, clause, c.Item1, c.Item2, c.Item3)).ToList();
        return new(who, standard, limits, WayOf(clause), PayerOf(clause.Document.Split), WindowOf(clause, today), worked);
    }

    /// <summary>免申即享 or 需申请, in the words of the 兑现方式.</summary>
    public static string WayOf(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.IsReferral ? $"转人工——平台发现相关事项后提示，由{clause.Document.LeadUnit ?? "市级主管部门"}按原文及相关政策认定金额。"
            : clause.Way == ClauseWay.NoApplication ? "免申即享——平台根据企业数据主动发现符合条件的企业并推送，企业确认后进入审核，无需提交申请。"
            : "需申请（快申快享）——企业凭平台数据无法证明的材料提出申请，经审核后兑现。";
    }

    /// <summary>Who pays: the document's cost split.</summary>
    public static string PayerOf(CostSplit split) => split.District == 0
        ? "奖励资金由市级财政全额承担。"
        : $"奖励资金由市、区按{split.City}:{split.District}分担。";

    /// <summary>The days whose events the clause pays, and for an expired document until when it takes applications.</summary>
    public static string WindowOf(Clause clause, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var d = clause.Document;
        if (!d.Adopted)
        {
            return $"本文件为征求意见稿，尚未生效，暂不兑现{(d.DurationYears is { } n ? $"；生效后{n}年内有效" : "")}。";
        }

        if (clause.EffectiveWindow is not { } w)
        {
            return "以原文为准。";
        }

        var span = (w.To == DateOnly.MaxValue ? $"自{Zh.Date(w.From)}起发生的事项给予奖励（长期有效）" : $"对{Zh.Date(w.From)}至{Zh.Date(w.To)}期间发生的事项给予奖励")
            + (clause.OwnWindow is not null ? "（本条自定期间）" : "");
        return d.StatusOn(today) switch
        {
            DocumentStatus.Expired when d.AcceptsApplicationsOn(today) => $"{span}；本文件已于{Zh.Date(d.Window!.Value.To)}到期，期内发生的事项受理申请至{Zh.Date(d.ApplicationsUntil!.Value)}。",
            DocumentStatus.Expired => $"{span}；本文件已于{Zh.Date(d.Window!.Value.To)}到期，已停止受理申请。",
            DocumentStatus.Repealed => $"{span}；本文件已废止（{d.Repealed!.By}，{Zh.Date(d.Repealed.On)}起）。",
            _ => span + "。",
        };
    }


    /// <summary>An award year inside the clause's window: its second year where it has one (the first is often a stub), else its first.</summary>
    private static int TypicalYear(Clause clause, DateOnly today)
    {
        if (clause.EffectiveWindow is { } w)
        {
            return w.To.Year > w.From.Year ? w.From.Year + 1 : w.From.Year;
        }

        return today.Year;
    }

    private static TypicalCase Work(PolicyCatalog catalog, Clause clause, string facts, JsonObject dossier, int year)
    {
        if (clause.Library is { } lib && catalog.Libraries.FirstOrDefault(l => l.Id == lib)?.Rule is ITypicalMember member)
        {
            member.AddMember(dossier, year);
        }

        var json = dossier.ToJsonString();
        var answer = ClauseTestRunner.Evaluate(catalog, clause, json, year, clause.Document.Adopted ? null : new DateOnly(year, 1, 1), null);
        var awards = answer.Awards.Where(a => a.Clause == clause.Id).ToList();
        var referred = answer.Referrals.Where(r => r.Clause == clause.Article).Select(r => r.Reason).ToList();
        return new(facts, year, awards.Sum(a => a.Amount), [.. awards.Select(a => a.Because)], referred, json);
    }
}
