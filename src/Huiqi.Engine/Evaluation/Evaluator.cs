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
internal sealed class EvaluationRun(Evaluator evaluator, Dossier dossier, int year, EvaluationOptions options)
{
    public Evaluator Evaluator { get; } = evaluator;
    public Dossier Dossier { get; } = dossier;
    public int Year { get; } = year;
    public EvaluationOptions Options { get; } = options;
    public List<Candidate> Candidates { get; } = [];
    public List<(Clause Clause, Referral Referral, DateOnly? EventDate)> ReferralCandidates { get; } = [];
    public List<NotPaid> NotPaid { get; } = [];
    public List<TraceEntry>? Trace { get; } = options.Trace ? [] : null;
    public List<Hint>? Hints { get; } = options.Hints ? [] : null;
}

/// <summary>
/// The engine: for one dossier and award year, what the documents in force owe the enterprise, why, and what goes to
/// a person instead (dossier.md). Built once from a catalogue; thread-safe; no I/O and no clock — the award year is an
/// argument.
/// </summary>
public sealed class Evaluator(PolicyCatalog catalog)
{
    public PolicyCatalog Catalog { get; } = catalog;

    public Answer Evaluate(Dossier dossier, int year, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var run = new EvaluationRun(this, dossier, year, options);

        var libraries = new List<string>();
        var libSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lib in Catalog.Libraries)
        {
            if (lib.Rule.Qualifies(dossier, year, libSet) is { } reason)
            {
                libraries.Add(lib.Id);
                libSet.Add(lib.Id);
                run.Trace?.Add(new TraceEntry(lib.Id, $"入选{lib.Name}：{reason}", true));
            }
        }

        foreach (var clause in Catalog.Clauses)
        {
            var traced = run.Trace?.Count ?? 0;
            var found = run.Candidates.Count + run.ReferralCandidates.Count + run.NotPaid.Count;
            foreach (var part in clause.Parts)
            {
                var ctx = new RuleContext(run, clause, part);
                part.Rule.Evaluate(ctx);
                if (options.Hints && part.Rule is IHintingRule h && Admits(clause, dossier, libSet))
                {
                    h.Hint(ctx);
                }
            }

            // "Every clause tried": a clause that found no fact to test still says so in the trace.
            if (run.Trace is { } trace && trace.Count == traced && run.Candidates.Count + run.ReferralCandidates.Count + run.NotPaid.Count == found)
            {
                trace.Add(new TraceEntry(clause.Id, $"{clause.Title}：档案中没有本条涉及的事实", false));
            }
        }

        var awards = Settle(run, libSet);
        var referrals = new List<Referral>();
        foreach (var (clause, referral, day) in run.ReferralCandidates)
        {
            if (day is { } d && Refusal(clause, d, options) is { } why)
            {
                run.NotPaid.Add(new NotPaid(clause.Id, referral.Item, why));
                continue;
            }

            referrals.Add(referral);
        }

        return new Answer(dossier.Uscc, year, awards, referrals, run.NotPaid, libraries, run.Hints, run.Trace);
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

    private static bool Admits(Clause clause, Dossier dossier, HashSet<string> libraries) =>
        clause.Library is null || libraries.Contains(clause.Library);

    /// <summary>Windows, status, library membership, precedence between documents, and the city/district split.</summary>
    private List<AwardLine> Settle(EvaluationRun run, HashSet<string> libraries)
    {
        var kept = new List<Candidate>();
        foreach (var c in run.Candidates)
        {
            if (c.Amount <= 0 || c.EventDate.Year != run.Year)
            {
                continue;
            }

            if (Refusal(c.Clause, c.EventDate, run.Options) is { } why)
            {
                run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, why));
                run.Trace?.Add(new TraceEntry(c.Clause.Id, why, false));
                continue;
            }

            if (!Admits(c.Clause, run.Dossier, libraries))
            {
                var lib = Catalog.Libraries.FirstOrDefault(l => l.Id == c.Clause.Library)?.Name ?? c.Clause.Library;
                run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"本条只支持{lib}企业，该企业{run.Year}年未入库"));
                continue;
            }

            kept.Add(c);
        }

        foreach (var p in Catalog.Precedence)
        {
            switch (p)
            {
                case Supersedes s:
                    kept.RemoveAll(c =>
                    {
                        if (c.Clause.Id != s.Over || c.Item is null || !s.Items.Contains(c.Item) || c.EventDate < s.From)
                        {
                            return false;
                        }

                        var by = Catalog.ClausesById[s.By];
                        run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"{s.From:yyyy-MM-dd}起{by.Document.Number}施行，与原有政策冲突的按其执行：{Vocabulary.Chinese(c.Item)}按{by.Id}奖励"));
                        return true;
                    });
                    break;
                case HighestOnly h:
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
                            run.NotPaid.Add(new NotPaid(c.Clause.Id, c.Item, $"从高不重复：同一事项按{top.Clause.Id}奖励{Zh.Money(top.Amount)}，本条{Zh.Money(c.Amount)}不重复支付"));
                        }
                    }

                    break;
            }
        }

        var lines = new List<AwardLine>(kept.Count);
        foreach (var c in kept)
        {
            var split = c.Clause.Document.Split;
            var (city, district) = split.Divide(c.Amount);
            var because = split.District == 0 ? c.Because : $"{c.Because}，市区{split.City}:{split.District}分担";
            lines.Add(new AwardLine(c.Clause.Id, c.Item, c.Amount, city, district, because) { EventDate = c.EventDate });
        }

        return lines;
    }

    /// <summary>Whether an event of a clause falls where its document pays.</summary>
    internal bool IsPayable(Clause clause, DateOnly eventDate, EvaluationOptions options) => Refusal(clause, eventDate, options) is null;

    /// <summary>Why an event of this clause is not paid (status, window), or null when it is.</summary>
    private static string? Refusal(Clause clause, DateOnly eventDate, EvaluationOptions options)
    {
        var doc = clause.Document;
        var window = clause.OwnWindow ?? doc.Window;
        var status = doc.Status;
        if (options.InForceFrom.TryGetValue(doc.Id, out var from))
        {
            status = DocumentStatus.InForce;
            var to = doc.DurationYears is { } years ? from.AddYears(years).AddDays(-1) : doc.Window?.To ?? DateOnly.MaxValue;
            window = clause.OwnWindow ?? new DateRange(from, to);
        }

        switch (status)
        {
            case DocumentStatus.Draft:
                return $"《{doc.Title}》为征求意见稿，尚未生效，不予支付";
            case DocumentStatus.Repealed:
                return $"{doc.Number}已废止，不予支付";
        }

        if (window is not { } w)
        {
            return $"{doc.Number}未规定施行日期，不予支付";
        }

        if (eventDate > w.To)
        {
            return clause.OwnWindow is null
                ? $"{doc.Number}有效期至{w.To:yyyy-MM-dd}，{eventDate:yyyy-MM-dd}发生的事项不予支付"
                : $"{clause.Id}只适用于{w.From:yyyy-MM-dd}至{w.To:yyyy-MM-dd}发生的事项，{eventDate:yyyy-MM-dd}发生的事项不予支付";
        }

        if (eventDate < w.From)
        {
            return clause.OwnWindow is null
                ? $"{doc.Number}自{w.From:yyyy-MM-dd}起施行，{eventDate:yyyy-MM-dd}发生的事项不予支付"
                : $"{clause.Id}只适用于{w.From:yyyy-MM-dd}至{w.To:yyyy-MM-dd}发生的事项，{eventDate:yyyy-MM-dd}发生的事项不予支付";
        }

        return null;
    }
}
