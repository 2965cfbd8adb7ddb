using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Evaluation;

/// <summary>What the caller asks for beyond the awards.</summary>
public sealed record EvaluationOptions
{
    public static readonly EvaluationOptions Default = new();

    /// <summary>Every clause tried and every condition with the numbers it compared.</summary>
    public bool Trace { get; init; }

    /// <summary>"What would I need": thresholds and steps not yet reached (the policy calculator).</summary>
    public bool Hints { get; init; }

    /// <summary>Documents treated as in force from a day, for their own duration (a draft simulated as if adopted).</summary>
    public IReadOnlyDictionary<string, DateOnly> InForceFrom { get; init; } = new Dictionary<string, DateOnly>();
}

/// <summary>The working state of one evaluation; rules write into it through their <see cref="RuleContext"/>.</summary>
/// <remarks>
/// One per thread is kept and reused (<see cref="Start"/>, <see cref="Finish"/>): the candidates and the context are
/// scratch that never leaves an evaluation; the lists the answer keeps (not-paid lines, trace, hints) are new each time.
/// </remarks>
internal sealed class EvaluationRun
{
    [ThreadStatic]
    private static EvaluationRun? _spare;

    private EvaluationRun()
    {
    }

    public Evaluator Evaluator { get; private set; } = null!;
    public Dossier Dossier { get; private set; } = null!;
    public int Year { get; private set; }
    public EvaluationOptions Options { get; private set; } = null!;
    public List<Candidate> Candidates { get; } = [];
    public List<(Clause Clause, Referral Referral, DateOnly? EventDate)> ReferralCandidates { get; } = [];
    public List<NotPaid> NotPaid { get; private set; } = [];

    /// <summary>Events refused by a document's window, said once per clause and reason when the answer is built.</summary>
    public List<(Clause Clause, string? Item, DateOnly Day)> Refused { get; } = [];
    public List<TraceEntry>? Trace { get; private set; }
    public List<Hint>? Hints { get; private set; }

    /// <summary>Scratch for the settling of candidates.</summary>
    public List<Candidate> Kept { get; } = [];

    private RuleContext? _context;

    /// <summary>A run for one evaluation: this thread's spare one when it is free, else a new one.</summary>
    public static EvaluationRun Start(Evaluator evaluator, Dossier dossier, int year, EvaluationOptions options)
    {
        var run = _spare ?? new EvaluationRun();
        _spare = null;
        run.Evaluator = evaluator;
        run.Dossier = dossier;
        run.Year = year;
        run.Options = options;
        run.Candidates.Clear();
        run.ReferralCandidates.Clear();
        run.Kept.Clear();
        run.Refused.Clear();
        run.NotPaid = [];
        run.Trace = options.Trace ? [] : null;
        run.Hints = options.Hints ? [] : null;
        return run;
    }

    /// <summary>Gives the run back to this thread once the answer is built (an evaluation that throws simply drops it).</summary>
    public void Finish()
    {
        Candidates.Clear();
        ReferralCandidates.Clear();
        Kept.Clear();
        Refused.Clear();
        Dossier = null!;
        NotPaid = null!;
        Trace = null;
        Hints = null;
        _spare = this;
    }

    /// <summary>The context a clause part evaluates through: one per run, pointed at each part in turn.</summary>
    public RuleContext Context(Clause clause, ClausePart part)
    {
        if (_context is null)
        {
            _context = new RuleContext(this, clause, part);
        }
        else
        {
            _context.Clause = clause;
            _context.Part = part;
        }

        return _context;
    }
}

/// <summary>
/// The engine: for one dossier and award year, what the documents in force owe the enterprise, why, and what goes to
/// a person instead (dossier.md). Built once from a catalogue; thread-safe; no I/O and no clock — the award year is an
/// argument.
/// </summary>
public sealed class Evaluator(PolicyCatalog catalog)
{
    public PolicyCatalog Catalog { get; } = catalog;

    // The catalogue compiled once into arrays: each evaluation walks them without an enumerator or a lookup.
    private readonly (Clause Clause, ClausePart[] Parts)[] _clauses = [.. catalog.Clauses.Select(c => (c, c.Parts.ToArray()))];
    private readonly Precedence[] _precedence = [.. catalog.Precedence];

    private static readonly HashSet<string> NoLibrarySet = new(StringComparer.Ordinal);

    public Answer Evaluate(Dossier dossier, int year, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var run = EvaluationRun.Start(this, dossier, year, options);

        // An enterprise in no library shares one empty set instead of making one for every dossier.
        List<string>? libraries = null;
        var libSet = NoLibrarySet;
        if (Catalog.LibrariesOf(dossier, year) is { } members)
        {
            libraries = new(members.Count);
            libSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (lib, reason) in members)
            {
                libraries.Add(lib.Id);
                libSet.Add(lib.Id);
                run.Trace?.Add(new TraceEntry(lib.Id, $"入选{lib.Name}：{reason}", true));
            }
        }

        foreach (var (clause, parts) in _clauses)
        {
            var traced = run.Trace?.Count ?? 0;
            var (candidates, referred, notPaid) = (run.Candidates.Count, run.ReferralCandidates.Count, run.NotPaid.Count);
            var found = candidates + referred + notPaid;
            foreach (var part in parts)
            {
                // A part with its own span of days (a parameter revised from a day) is not tried in years it does not touch.
                if (part.Window is { } pw && (pw.From.Year > year || pw.To.Year < year))
                {
                    continue;
                }

                var before = run.Candidates.Count;
                var ctx = run.Context(clause, part);
                part.Rule.Evaluate(ctx);
                if (part.Window is { } w)
                {
                    OutsidePart(run, clause, w, before);
                }

                if (options.Hints && part.Rule is IHintingRule h && Admits(clause, libSet))
                {
                    h.Hint(ctx);
                }
            }

            if (DocumentRefusal(clause, options) is { } notInForce)
            {
                Withhold(run, clause, notInForce, candidates, referred, notPaid);
            }

            // "Every clause tried": a clause that found no fact to test still says so in the trace.
            if (run.Trace is { } trace && trace.Count == traced && run.Candidates.Count + run.ReferralCandidates.Count + run.NotPaid.Count == found)
            {
                trace.Add(new TraceEntry(clause.Id, $"{clause.Title}：档案中没有本条涉及的事实", false));
            }
        }

        var awards = Settle(run, libSet);
        List<Referral>? referrals = null;
        foreach (var (clause, referral, day) in run.ReferralCandidates)
        {
            if (day is { } d && Refusal(clause, d, options) is not null)
            {
                run.Refused.Add((clause, referral.Item, d));
                continue;
            }

            (referrals ??= []).Add(PaidElsewhere(run, clause, referral, awards) is { } note ? referral with { Reason = $"{referral.Reason}；{note}" } : referral);
        }

        SayRefusals(run);

        var answer = new Answer(dossier.Uscc, year, awards, referrals ?? (IReadOnlyList<Referral>)[], run.NotPaid, libraries ?? (IReadOnlyList<string>)[], run.Hints, run.Trace);
        run.Finish();
        return answer;
    }

    /// <summary>Awards a part proposed for events outside its own span of days are not paid by it: another part's parameters apply.</summary>
    private static void OutsidePart(EvaluationRun run, Clause clause, DateRange window, int from)
    {
        for (var i = run.Candidates.Count - 1; i >= from; i--)
        {
            var c = run.Candidates[i];
            if (window.Contains(c.EventDate))
            {
                continue;
            }

            run.Candidates.RemoveAt(i);
            if (c.Amount > 0 && c.EventDate.Year == run.Year)
            {
                var span = window.From == DateOnly.MinValue ? $"{window.To:yyyy-MM-dd}及以前" : window.To == DateOnly.MaxValue ? $"{window.From:yyyy-MM-dd}起" : $"{window.From:yyyy-MM-dd}至{window.To:yyyy-MM-dd}";
                run.NotPaid.Add(new NotPaid(clause.Id, c.Item, $"本条的这组参数只适用于{span}发生的事项，{c.EventDate:yyyy-MM-dd}发生的事项按另一时段的参数计算"));
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string id)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"从高不重复": of one item qualifying under several of the clauses, only the highest is paid.</summary>
    private static void KeepHighest(EvaluationRun run, List<Candidate> kept, HighestOnly h)
    {
        foreach (var group in kept.Where(c => h.Clauses.Contains(c.Clause.Id)).GroupBy(c => c.Item ?? "").ToList())
        {
            if (group.Select(c => c.Clause.Id).Distinct().Count() < 2)
            {
                continue;
            }

            var top = group.OrderByDescending(c => c.Amount).ThenBy(c => IndexOf(h.Clauses, c.Clause.Id)).First();
            foreach (var c in group.Where(c => !ReferenceEquals(c, top)))
            {
                kept.Remove(c);
                run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"从高不重复：同一事项按{top.Clause.ArticleName}奖励{Zh.Money(top.Amount)}，本条{Zh.Money(c.Amount)}不重复支付"));
            }
        }
    }

    /// <summary>
    /// "从高不重复" across years of payment: what the ledger paid for the same item and award year under another clause
    /// of the rule is deducted, so that the two together never pay more than the higher one (interpretation.md rule 8).
    /// </summary>
    private void DeductOthersPaid(EvaluationRun run, List<Candidate> kept, HighestOnly h)
    {
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var c = kept[i];
            if (IndexOf(h.Clauses, c.Clause.Id) < 0)
            {
                continue;
            }

            var paid = run.Dossier.Grants.Where(g => g.Clause != c.Clause.Id && IndexOf(h.Clauses, g.Clause) >= 0 && g.Year == run.Year && (g.Item is null || g.Item == c.Item)).ToList();
            if (paid.Count == 0)
            {
                continue;
            }

            var sum = paid.Sum(g => g.Amount);
            var left = Math.Max(0m, c.Amount - sum);
            var text = $"从高不重复：同一事项{run.Year}年已按{string.Join("、", paid.Select(g => ArticleOf(g.Clause)).Distinct())}兑付{Zh.Money(sum)}";
            if (left == 0)
            {
                kept.RemoveAt(i);
                run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"{text}，本条{Zh.Money(c.Amount)}无差额可支付"));
                continue;
            }

            kept[i] = c with { Amount = left, Because = $"{c.Because}，{text}，补差{Zh.Money(left)}" };
        }
    }

    /// <summary>"与原有政策冲突的，按本政策执行": the superseded clause's items from the day the new one applies.</summary>
    private void RemoveSuperseded(EvaluationRun run, List<Candidate> kept, Supersedes s) =>
        kept.RemoveAll(c =>
        {
            if (c.Clause.Id != s.Over || c.Item is null || !s.Items.Contains(c.Item) || c.EventDate < s.From)
            {
                return false;
            }

            var by = Catalog.ClausesById[s.By];
            run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"{Zh.Date(s.From)}起{by.Document.Name}施行，与原有政策冲突的按其执行：{Vocabulary.Chinese(c.Item)}按{by.ArticleName}奖励"));
            return true;
        });

    /// <summary>Whether a candidate of the clause is kept: precedence has nothing to do otherwise (no LINQ, no closure).</summary>
    private static bool Names(List<Candidate> kept, string clause)
    {
        foreach (var c in kept)
        {
            if (c.Clause.Id == clause)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many kept candidates belong to the clauses of a "highest only" rule.</summary>
    private static int CountWithin(List<Candidate> kept, IReadOnlyList<string> clauses)
    {
        var n = 0;
        foreach (var c in kept)
        {
            if (IndexOf(clauses, c.Clause.Id) >= 0)
            {
                n++;
            }
        }

        return n;
    }

    private static bool Admits(Clause clause, HashSet<string> libraries) =>
        clause.Library is null || libraries.Contains(clause.Library);

    /// <summary>Windows, status, library membership, precedence between documents, and the city/district split.</summary>
    private IReadOnlyList<AwardLine> Settle(EvaluationRun run, HashSet<string> libraries)
    {
        var kept = run.Kept;
        foreach (var c in run.Candidates)
        {
            if (c.Amount <= 0 || c.EventDate.Year != run.Year)
            {
                continue;
            }

            if (Refusal(c.Clause, c.EventDate, run.Options) is { } why)
            {
                run.Refused.Add((c.Clause, c.Item, c.EventDate));
                run.Trace?.Add(new TraceEntry(c.Clause.Id, why.Sentence(c.EventDate), false));
                continue;
            }

            if (!Admits(c.Clause, libraries))
            {
                var lib = Catalog.Libraries.FirstOrDefault(l => l.Id == c.Clause.Library)?.Name ?? c.Clause.Library;
                run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"本条只支持{lib}企业，该企业{run.Year}年未入库"));
                continue;
            }

            kept.Add(c);
        }

        foreach (var p in _precedence)
        {
            if (p is HighestOnly ho && run.Dossier.Grants.Count > 0)
            {
                DeductOthersPaid(run, kept, ho);
            }
        }

        foreach (var p in _precedence)
        {
            switch (p)
            {
                case Supersedes s when Names(kept, s.Over):
                    RemoveSuperseded(run, kept, s);
                    break;
                case HighestOnly h when CountWithin(kept, h.Clauses) >= 2:
                    KeepHighest(run, kept, h);
                    break;
            }
        }

        if (kept.Count == 0)
        {
            return [];
        }

        var lines = new List<AwardLine>(kept.Count);
        foreach (var c in kept)
        {
            // Here the amount a block computed becomes money handed on: the answer line's award and its shares.
            var amount = Yuan.Of(c.Amount);
            var split = c.Clause.Document.Split;
            var (city, district) = split.Divide(amount);
            var because = split.District == 0 ? c.Because : $"{c.Because}，市区{split.City}:{split.District}分担";
            lines.Add(new AwardLine(c.Clause.Id, c.Item, amount, city, district, because) { EventDate = c.EventDate });
        }

        return lines;
    }

    /// <summary>Whether a later document pays this item of the clause instead for an event of that day (与原有政策冲突的，按本政策执行).</summary>
    internal bool IsSuperseded(Clause clause, string? item, DateOnly eventDate)
    {
        foreach (var p in _precedence)
        {
            if (p is Supersedes s && s.Over == clause.Id && item is not null && s.Items.Contains(item) && eventDate >= s.From)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an event of a clause falls where its document pays.</summary>
    internal bool IsPayable(Clause clause, DateOnly eventDate, EvaluationOptions options) => Refusal(clause, eventDate, options) is null;

    /// <summary>Another clause as a sentence names it (郑政〔2023〕23号第二十条).</summary>
    private string ArticleOf(string clause) => Catalog.ClausesById.TryGetValue(clause, out var c) ? c.ArticleName : clause;

    /// <summary>
    /// Why no event of the clause is paid whatever its day (a draft, a repealed document, one without a start), or null.
    /// Only what people decided matters here (adopted, repealed); the window decides the rest.
    /// </summary>
    private static string? DocumentRefusal(Clause clause, EvaluationOptions options)
    {
        var doc = clause.Document;
        var forced = options.InForceFrom.ContainsKey(doc.Id);
        if (!doc.Adopted && !forced)
        {
            return $"《{doc.Title}》为征求意见稿，尚未生效，不予支付";
        }

        if (doc.Repealed is not null)
        {
            return $"{doc.Name}已废止，不予支付";
        }

        return !forced && (clause.OwnWindow ?? doc.Window) is null ? $"{doc.Name}未规定施行日期，不予支付" : null;
    }

    /// <summary>
    /// A document not in force is the one reason its clause pays nothing: what the clause's parts proposed, referred or
    /// found missing (a draft's 缺少实际销售额) is replaced by one not-paid line saying so.
    /// </summary>
    private static void Withhold(EvaluationRun run, Clause clause, string why, int candidates, int referred, int notPaid)
    {
        var items = new List<string?>();
        for (var i = candidates; i < run.Candidates.Count; i++)
        {
            if (run.Candidates[i] is { Amount: > 0 } c && c.EventDate.Year == run.Year)
            {
                items.Add(c.Item);
            }
        }

        items.AddRange(run.ReferralCandidates.Skip(referred).Select(r => r.Referral.Item));
        items.AddRange(run.NotPaid.Skip(notPaid).Select(n => n.Item));
        run.Candidates.RemoveRange(candidates, run.Candidates.Count - candidates);
        run.ReferralCandidates.RemoveRange(referred, run.ReferralCandidates.Count - referred);
        run.NotPaid.RemoveRange(notPaid, run.NotPaid.Count - notPaid);
        if (items.Count > 0)
        {
            var distinct = items.Distinct().ToList();
            run.NotPaid.Add(new NotPaid(clause.Id, distinct.Count == 1 ? distinct[0] : null, why));
            run.Trace?.Add(new TraceEntry(clause.Id, why, false));
        }
    }

    /// <summary>
    /// The refused events as not-paid lines, one per clause and reason: one event in the words of dossier.md
    /// (郑政文〔2022〕155号有效期至2023-12-31，2024-01-01发生的事项不予支付), several with their days and count.
    /// </summary>
    private static void SayRefusals(EvaluationRun run)
    {
        foreach (var group in run.Refused.GroupBy(r => (r.Clause, Why: Refusal(r.Clause, r.Day, run.Options)!.Value)))
        {
            var events = group.ToList();
            var items = events.Select(e => e.Item).Distinct().ToList();
            var item = items.Count == 1 ? items[0] : null;
            if (events.Count == 1)
            {
                run.NotPaid.Add(new NotPaid(group.Key.Clause.Id, item, group.Key.Why.Sentence(events[0].Day)));
                continue;
            }

            var days = string.Join("、", events.Select(e => e.Day).Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            // The count, not the items: an item code's word depends on the clause (a chain's "new" is 新增配套).
            run.NotPaid.Add(new NotPaid(group.Key.Clause.Id, item, $"{group.Key.Why.Head}，{days}发生的{events.Count}项事项不予支付"));
        }
    }

    /// <summary>
    /// "从高不重复" for a referral (zzw2022-155/6's exhibitions, 按照有关政策给予补贴): what another clause of the same rule
    /// already pays the same item in the award year, in this answer or in the ledger, said beside the reason so that the
    /// person who decides pays at most the difference; null when nothing is paid elsewhere.
    /// </summary>
    private string? PaidElsewhere(EvaluationRun run, Clause clause, Referral referral, IReadOnlyList<AwardLine> awards)
    {
        foreach (var p in _precedence)
        {
            if (p is not HighestOnly h || IndexOf(h.Clauses, clause.Id) < 0 || referral.Item is null)
            {
                continue;
            }

            var others = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var a in awards)
            {
                if (a.Clause != clause.Id && a.Item == referral.Item && IndexOf(h.Clauses, a.Clause) >= 0)
                {
                    others[a.Clause] = others.GetValueOrDefault(a.Clause) + a.Amount;
                }
            }

            foreach (var g in run.Dossier.Grants)
            {
                if (g.Clause != clause.Id && g.Item == referral.Item && g.Year == run.Year && IndexOf(h.Clauses, g.Clause) >= 0)
                {
                    others[g.Clause] = others.GetValueOrDefault(g.Clause) + g.Amount;
                }
            }

            if (others.Count > 0)
            {
                var paid = string.Join("、", others.Select(o => $"按{ArticleOf(o.Key)}补贴{Zh.Money(o.Value)}"));
                return $"同一事项{run.Year}年已{paid}，按“从高不重复”原则只可补足差额，不重复补贴";
            }
        }

        return null;
    }

    /// <summary>Why an event of this clause is not paid (status, window), or null when it is.</summary>
    private static Why? Refusal(Clause clause, DateOnly eventDate, EvaluationOptions options)
    {
        if (DocumentRefusal(clause, options) is { } notInForce)
        {
            return new Why(notInForce, false);
        }

        // An expired document still pays for events inside its window.
        var doc = clause.Document;
        var window = clause.OwnWindow ?? doc.Window;
        if (options.InForceFrom.TryGetValue(doc.Id, out var from))
        {
            var to = doc.DurationYears is { } years ? from.AddYears(years).AddDays(-1) : doc.Window?.To ?? DateOnly.MaxValue;
            window = clause.OwnWindow ?? new DateRange(from, to);
        }

        var w = window!.Value;
        if (eventDate > w.To)
        {
            return new Why(clause.OwnWindow is null ? $"{doc.Name}有效期至{w.To:yyyy-MM-dd}" : $"本条只适用于{w.From:yyyy-MM-dd}至{w.To:yyyy-MM-dd}发生的事项", true);
        }

        if (eventDate < w.From)
        {
            return new Why(clause.OwnWindow is null ? $"{doc.Name}自{w.From:yyyy-MM-dd}起施行" : $"本条只适用于{w.From:yyyy-MM-dd}至{w.To:yyyy-MM-dd}发生的事项", true);
        }

        return null;
    }

    /// <summary>A refusal: the reason, and whether the sentence goes on with the day of the event refused.</summary>
    private readonly record struct Why(string Head, bool Dated)
    {
        public string Sentence(DateOnly day) => Dated ? $"{Head}，{day:yyyy-MM-dd}发生的事项不予支付" : Head;
    }
}
