using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Catalog;

/// <summary>
/// Where a document stands on a given day (文件状态), derived from what people decided (adopted, repealed) and its
/// window read against that day (<see cref="PolicyDocument.StatusOn"/>); never written down as a fixed word.
/// </summary>
public enum DocumentStatus
{
    /// <summary>征求意见稿: not adopted; pays nothing until an administrator marks it in force.</summary>
    Draft,

    /// <summary>有效: adopted, and the day is inside its window (or before it starts).</summary>
    InForce,

    /// <summary>已失效: its window has passed; events inside the window are still paid, and applications accepted until <see cref="PolicyDocument.ApplicationsUntil"/>.</summary>
    Expired,

    /// <summary>已废止: pays nothing.</summary>
    Repealed,
}

/// <summary>A span of days, both ends included (有效期 "至2023年12月31日" includes that day).</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}

/// <summary>Who pays an award: the city's and the district's parts of a ratio (zzw2022-155: 1:1).</summary>
public readonly record struct CostSplit(int City, int District)
{
    public static readonly CostSplit CityAlone = new(1, 0);

    /// <summary>The city's share, rounded down to the yuan; the district pays the rest (interpretation.md rule 9).</summary>
    public (Yuan City, Yuan District) Divide(Yuan amount)
    {
        if (District == 0)
        {
            return (amount, Yuan.Zero);
        }

        var city = Yuan.Of(amount * City / (City + District)).FloorToYuan();
        return (city, amount - city);
    }

    public override string ToString() => District == 0 ? "市级全额" : $"市:区 = {City}:{District}";
}

/// <summary>A policy document (政策文件) as the catalogue holds it.</summary>
public sealed class PolicyDocument
{
    public required string Id { get; init; }

    /// <summary>Its 文号 (郑政〔2023〕23号) when it was issued with one; an opinion or a draft may have none.</summary>
    public string? Number { get; init; }

    public required string Title { get; init; }

    /// <summary>How the bureaus call it where space is tight (23号文, 专精特新实施意见).</summary>
    public required string ShortName { get; init; }

    /// <summary>How a person cites it: its 文号, else its title in 《》, a draft marked as one.</summary>
    public string Name => Number ?? $"《{Title}》" + (Adopted ? "" : "（征求意见稿）");

    /// <summary>Its 文号 and title, as a heading: 郑政〔2023〕23号《郑州市进一步加强制造业高质量发展若干政策》.</summary>
    public string FullName => Number is null ? Name : $"{Number}《{Title}》";

    public required string TextFile { get; init; }
    public required string OriginalText { get; init; }

    /// <summary>Whether the city has issued it; a draft (征求意见稿) has not, and pays nothing.</summary>
    public bool Adopted { get; init; } = true;

    /// <summary>The document that repealed it (废止), if any, and from which day; a repealed document pays nothing.</summary>
    public Repeal? Repealed { get; init; }

    /// <summary>
    /// The last day applications for its awards are accepted (申报截止): by default the 31 March after its window
    /// ends, as zzw2022-155/17 asks funds to be paid out "2023年3月31日前"; a document may set its own.
    /// </summary>
    public DateOnly? ApplicationsUntil { get; init; }

    /// <summary>The window of events the document pays for; null for a draft not yet in force.</summary>
    public DateRange? Window { get; init; }

    /// <summary>For a draft: how many years it would run from the day it is put in force.</summary>
    public int? DurationYears { get; init; }

    public IReadOnlyList<string> WindowText { get; init; } = [];
    public CostSplit Split { get; init; } = CostSplit.CityAlone;
    public IReadOnlyList<string> SplitText { get; init; } = [];
    public string? LeadUnit { get; init; }
    public required string File { get; init; }
    public IReadOnlyList<Clause> Clauses { get; init; } = [];
    public IReadOnlyList<LibraryRule> Libraries { get; init; } = [];
    public IReadOnlyList<Precedence> Precedence { get; init; } = [];
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>The document's tasks (重点任务), read from its original text.</summary>
    public IReadOnlyList<PolicyTask> Tasks { get; init; } = [];

    /// <summary>Where the document stands on <paramref name="today"/> (Beijing's date).</summary>
    public DocumentStatus StatusOn(DateOnly today) =>
        !Adopted ? DocumentStatus.Draft
        : Repealed is { } r && r.On <= today ? DocumentStatus.Repealed
        : Window is { } w && w.To < today ? DocumentStatus.Expired
        : DocumentStatus.InForce;

    /// <summary>Whether an enterprise may still apply for its awards on <paramref name="today"/>.</summary>
    public bool AcceptsApplicationsOn(DateOnly today) => StatusOn(today) switch
    {
        DocumentStatus.InForce => true,
        DocumentStatus.Expired => today <= ApplicationsUntil,
        _ => false,
    };
}

/// <summary>How a person reads a document's status.</summary>
public static class DocumentStatusText
{
    /// <summary>征求意见稿（未生效）, 有效, 已失效, 已废止.</summary>
    public static string Chinese(this DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "征求意见稿（未生效）",
        DocumentStatus.InForce => "有效",
        DocumentStatus.Expired => "已失效",
        _ => "已废止",
    };

    /// <summary>
    /// The status on <paramref name="today"/> with what it means for an enterprise: 已失效（2026-11-26到期；期内发生的事项受理申请至2027-03-31）.
    /// </summary>
    public static string Explained(this PolicyDocument document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        var status = document.StatusOn(today);
        return status switch
        {
            DocumentStatus.Expired when document.AcceptsApplicationsOn(today) =>
                $"已失效（{document.Window!.Value.To:yyyy-MM-dd}到期；期内发生的事项受理申请至{document.ApplicationsUntil:yyyy-MM-dd}）",
            DocumentStatus.Expired => $"已失效（{document.Window!.Value.To:yyyy-MM-dd}到期，已停止受理申请）",
            DocumentStatus.Repealed => $"已废止（{document.Repealed!.By}，{document.Repealed.On:yyyy-MM-dd}起）",
            _ => status.Chinese(),
        };
    }
}

/// <summary>A repeal (废止): the document that repealed another, and the first day it no longer applies.</summary>
public sealed record Repeal(string By, DateOnly On);

/// <summary>How an award reaches the enterprise (兑现方式).</summary>
public enum ClauseWay
{
    /// <summary>免申即享: the platform finds it and pushes it for the enterprise to confirm.</summary>
    NoApplication,

    /// <summary>快申快享: the enterprise applies with documents the data cannot show.</summary>
    Application,
}

/// <summary>
/// A clause (条款) of a document: its id (<c>zz2023-23/5</c>), the sentences it implements quoted verbatim, and its rule.
/// </summary>
public sealed class Clause
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>
    /// The article (条) an answer names it by: its own id, unless the catalogue splits one article into sub-clauses
    /// (<c>zz2023-23/8-major</c>, the 重大工业项目 sentence of 第八条), which the contract reports as the article itself
    /// (<c>zz2023-23/8</c>) with the sub-case in the referral's reason.
    /// </summary>
    public required string Article { get; init; }
    public required IReadOnlyList<string> Text { get; init; }
    public required PolicyDocument Document { get; set; }
    public required IReadOnlyList<ClausePart> Parts { get; init; }
    public ClauseWay Way { get; init; }

    /// <summary>A clause that names its own period (interpretation.md rule 4) pays for that period instead of the document's window.</summary>
    public DateRange? OwnWindow { get; init; }

    /// <summary>The cultivation library whose members alone the clause pays (sj-sangao: the "三高" library).</summary>
    public string? Library { get; init; }

    /// <summary>How an award of the clause goes from the engine's answer to payment: review steps, deadline, pool.</summary>
    public AwardPath Path { get; init; } = AwardPath.Default;

    public IReadOnlyList<ClauseTest> Tests { get; init; } = [];
    public required string File { get; init; }
    public int Line { get; init; }

    /// <summary>The clause's parameters as written in the policy file, for <c>huiqi catalog show</c> and the clause page.</summary>
    public required string ParamsText { get; init; }

    /// <summary>The article as a person cites it: 郑政〔2023〕23号第九条 (a sub-clause such as <c>zz2023-23/8-major</c> names its article).</summary>
    public string ArticleName => Document.Name + ClauseNames.Place(Article);

    /// <summary>The clause as lists and notices name it: 郑政〔2023〕23号第九条“支持企业技术改造升级”.</summary>
    public string Name => $"{ArticleName}“{Title}”";

    /// <summary>The short form where space is tight: 23号文第九条.</summary>
    public string ShortName => Document.ShortName + ClauseNames.Place(Article);

    public bool IsReferral => Parts.All(p => p.Rule is Blocks.ReferralRule);

    /// <summary>
    /// Whether the clause pays on a year's figures or on events (<see cref="AwardYears.Of(Clause)"/> gives its current
    /// award year): figures when any of its paying parts reads a year's figures, since that part can only be judged once
    /// the year is over; events otherwise (titles, rankings, projects, referrals).
    /// </summary>
    public AwardBasis Basis => Parts.Any(p => p.Rule.Basis == AwardBasis.Figures) ? AwardBasis.Figures : AwardBasis.Events;

    /// <summary>The window that decides whether an event of this clause is paid.</summary>
    public DateRange? EffectiveWindow => OwnWindow ?? Document.Window;
}

/// <summary>
/// The path an award of a clause takes after the engine finds it (兑现路径), as the catalogue states it: review steps
/// beyond the district's recommendation and the city's review (专家评审 <c>expert-review</c>, 第三方审计 <c>audit</c>),
/// the working days an application may wait for a decision, and a yearly pool the clause pays from, if any.
/// </summary>
public sealed record AwardPath(IReadOnlyList<string> Steps, int DeadlineWorkingDays, ClausePool? Pool)
{
    /// <summary>Working days an application waits at most unless the clause says otherwise.</summary>
    public const int DefaultDeadline = 60;

    public static readonly IReadOnlyList<string> KnownSteps = ["expert-review", "audit"];

    public static readonly AwardPath Default = new([], DefaultDeadline, null);
}

/// <summary>A yearly pool a clause pays from (e.g. 服务券 of zzw2022-155/12): the year's total and the most one enterprise may have.</summary>
public sealed record ClausePool(decimal PerYear, decimal? PerEnterprise);

/// <summary>One rule of a clause; most clauses have one, some (zz2023-23/20, zzw2022-155/3) pay several parts.</summary>
public sealed record ClausePart(string? Item, string RuleName, IClauseRule Rule)
{
    /// <summary>
    /// The events this part pays for, inside the clause's (or document's) window: a revised parameter applies from a day
    /// (a reform's dated change), so the clause holds one part per span of days. Null: the whole window.
    /// </summary>
    public DateRange? Window { get; init; }
}

/// <summary>A case written next to a clause: a dossier fragment, a year, and what the text says it pays.</summary>
public sealed record ClauseTest(string Name, int Year, string DossierJson, decimal Amount, bool Boundary, bool ExpectReferral, string? NotPaidContains, int Line)
{
    /// <summary>Evaluate with the clause's document put in force from this day (a draft's cases).</summary>
    public DateOnly? InForceFrom { get; init; }

    /// <summary>Reading switches chosen for this case (the other reading of a sentence).</summary>
    public IReadOnlyDictionary<string, string>? Readings { get; init; }

    /// <summary>Words the clause's award sentence (because) must contain, as a reviewer reads them.</summary>
    public string? BecauseContains { get; init; }
}

/// <summary>
/// A precedence between clauses, declared in the catalogue (interpretation.md §8).
/// </summary>
public abstract record Precedence(string File, int Line, IReadOnlyList<string> Text);

/// <summary>"与原有政策冲突的，按本政策执行": from <see cref="From"/>, the items of <see cref="Over"/> are paid under <see cref="By"/> instead.</summary>
public sealed record Supersedes(string By, string Over, IReadOnlyList<string> Items, DateOnly From, string File, int Line, IReadOnlyList<string> Text) : Precedence(File, Line, Text);

/// <summary>"从高不重复": one event that qualifies under several clauses is paid under the highest only.</summary>
public sealed record HighestOnly(IReadOnlyList<string> Clauses, string File, int Line, IReadOnlyList<string> Text) : Precedence(File, Line, Text);

/// <summary>A cultivation library's selection rule (培育库遴选标准).</summary>
public sealed record LibraryRule(string Id, string Name, IReadOnlyList<string> Text, ILibraryRule Rule, string File, int Line);

/// <summary>The whole reviewed catalogue: every document, its clauses, precedence and library rules.</summary>
public sealed class PolicyCatalog
{
    public PolicyCatalog(IReadOnlyList<PolicyDocument> documents)
    {
        Documents = documents;
        Clauses = documents.SelectMany(d => d.Clauses).ToList();
        ClausesById = Clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Precedence = documents.SelectMany(d => d.Precedence).ToList();
        Libraries = documents.SelectMany(d => d.Libraries).ToList();
        Targets = documents.SelectMany(d => d.Targets).ToList();
        _ids = new System.Text.RegularExpressions.Regex(
            "(?<![A-Za-z0-9-])(?<doc>" + string.Join('|', documents.Select(d => System.Text.RegularExpressions.Regex.Escape(d.Id)).OrderByDescending(x => x.Length)) + @")(?:/[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9])|/(?<section>[一二三四五六七八九十附件0-9()（）]+)|(?![A-Za-z0-9]))",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    /// <summary>The targets of every document (目标): Annex 1 of zzb2020-19, the 2025 goals of zzb2022-zjtx, Shangjie's goals.</summary>
    public IReadOnlyList<Target> Targets { get; }

    public IReadOnlyList<PolicyDocument> Documents { get; }
    public IReadOnlyList<Clause> Clauses { get; }
    public IReadOnlyDictionary<string, Clause> ClausesById { get; }
    public IReadOnlyList<Precedence> Precedence { get; }
    public IReadOnlyList<LibraryRule> Libraries { get; }

    public PolicyDocument? Document(string id) => Documents.FirstOrDefault(d => d.Id == id);

    /// <summary>
    /// A clause, task or document cited by its id as the bureaus cite it: a clause by <see cref="Clause.Name"/>
    /// (郑政〔2023〕23号第九条“支持企业技术改造升级”), a numbered task or item by its document's name and place
    /// (郑政办〔2020〕19号第三十一条), a document by <see cref="PolicyDocument.Name"/>; an id the catalogue does not
    /// know as it is.
    /// </summary>
    public string NameOf(string id) => Cite(id, c => c.Name, d => d.Name);

    /// <summary>The short form of <see cref="NameOf"/> where space is tight: 23号文第九条, 19号文第三十一条, 23号文.</summary>
    public string ShortNameOf(string id) => Cite(id, c => c.ShortName, d => d.ShortName);

    /// <summary>A text that cites the catalogue by ids (a library's basis: "zzb2022-zjtx/13、sj-sangao 三") with each id in its short name.</summary>
    public string Spell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _ids.Replace(text, m => m.Groups["section"].Success
            ? ShortNameOf(m.Groups["doc"].Value) + Section(m.Groups["section"].Value)
            : ShortNameOf(m.Value));
    }

    /// <summary>A part of a document named in its own words: 二 → 第二部分, 附件1 and 一(二) as written.</summary>
    private static string Section(string section) =>
        section.All(ch => "一二三四五六七八九十".Contains(ch, StringComparison.Ordinal)) ? $"第{section}部分" : section.Replace('(', '（').Replace(')', '）');

    private string Cite(string id, Func<Clause, string> clause, Func<PolicyDocument, string> document)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ClausesById.TryGetValue(id, out var c))
        {
            return clause(c);
        }

        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return Document(slash < 0 ? id : id[..slash]) is not { } d ? id
            : slash < 0 ? document(d)
            : document(d) + ClauseNames.Place(id);
    }

    /// <summary>Any document id of the catalogue, with the place of a clause or task after it.</summary>
    private readonly System.Text.RegularExpressions.Regex _ids;

    private static readonly HashSet<string> NoLibraries = new(StringComparer.Ordinal);

    /// <summary>
    /// The cultivation libraries an enterprise qualifies for in an award year, each with its reason, in catalogue order:
    /// a higher tier is decided first, so a lower one can say "unless" (the ZJTX tiers). Null when none.
    /// </summary>
    public List<(LibraryRule Library, string Reason)>? LibrariesOf(Model.Dossier dossier, int year)
    {
        List<(LibraryRule, string)>? found = null;
        HashSet<string>? held = null;
        for (var i = 0; i < Libraries.Count; i++)
        {
            var lib = Libraries[i];
            if (lib.Rule.Qualifies(dossier, year, held ?? NoLibraries) is { } reason)
            {
                (found ??= []).Add((lib, reason));
                (held ??= new(StringComparer.Ordinal)).Add(lib.Id);
            }
        }

        return found;
    }

    /// <summary>
    /// The same catalogue restricted to some clauses (a benchmark's subset, a simulation of a few clauses): their
    /// documents keep their window, status and split; precedence is kept where every clause it names is kept, and
    /// libraries where a kept clause pays their members only. An unknown id is an error.
    /// </summary>
    public PolicyCatalog Only(IEnumerable<string> clauseIds)
    {
        ArgumentNullException.ThrowIfNull(clauseIds);
        var keep = new HashSet<string>(clauseIds, StringComparer.Ordinal);
        foreach (var id in keep)
        {
            if (!ClausesById.ContainsKey(id))
            {
                throw new ArgumentException($"目录中没有条款“{id}” / no clause '{id}' in the catalogue", nameof(clauseIds));
            }
        }

        var libraries = Clauses.Where(c => keep.Contains(c.Id) && c.Library is not null).Select(c => c.Library!).ToHashSet(StringComparer.Ordinal);
        var documents = new List<PolicyDocument>();
        foreach (var d in Documents)
        {
            var clauses = d.Clauses.Where(c => keep.Contains(c.Id)).ToList();
            var libs = d.Libraries.Where(l => libraries.Contains(l.Id)).ToList();
            if (clauses.Count == 0 && libs.Count == 0)
            {
                continue;
            }

            documents.Add(new PolicyDocument
            {
                Id = d.Id, Number = d.Number, Title = d.Title, ShortName = d.ShortName, TextFile = d.TextFile, OriginalText = d.OriginalText, Adopted = d.Adopted, Repealed = d.Repealed, ApplicationsUntil = d.ApplicationsUntil,
                Window = d.Window, DurationYears = d.DurationYears, WindowText = d.WindowText, Split = d.Split, SplitText = d.SplitText,
                LeadUnit = d.LeadUnit, File = d.File, Clauses = clauses, Libraries = libs, Targets = d.Targets,
                Precedence = d.Precedence.Where(p => p switch
                {
                    Supersedes s => keep.Contains(s.By) && keep.Contains(s.Over),
                    HighestOnly h => h.Clauses.All(keep.Contains),
                    _ => false,
                }).ToList(),
            });
        }

        return new PolicyCatalog(documents) { Sources = Sources, ChosenReadings = ChosenReadings };
    }

    /// <summary>The policy files this catalogue was read from, so it can be read again under other readings.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The readings (解读口径) chosen when this catalogue was read; the rest are the catalogue's defaults.</summary>
    public IReadOnlyDictionary<string, string> ChosenReadings { get; init; } = new Dictionary<string, string>();

    /// <summary>The same catalogue with some reading switches flipped (interpretation.md rule 12).</summary>
    public PolicyCatalog WithReadings(IReadOnlyDictionary<string, string> readings)
    {
        var merged = new Dictionary<string, string>(ChosenReadings, StringComparer.Ordinal);
        foreach (var (k, v) in readings)
        {
            merged[k] = v;
        }

        var result = CatalogLoader.Load(Sources, merged);
        return result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
