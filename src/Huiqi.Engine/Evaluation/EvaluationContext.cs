using System.Runtime.CompilerServices;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Evaluation;

/// <summary>
/// A building block of the catalogue (an award shape: fixed per title, thresholds first crossed, steps,
/// percentage of a base with a cap, tiers …), configured once from a clause's parameters when the catalogue loads.
/// </summary>
public interface IClauseRule
{
    /// <summary>Finds what the clause pays this dossier for events of the award year, through the context.</summary>
    void Evaluate(RuleContext ctx);

    /// <summary>
    /// Whether the block pays on a year's figures or on an event, which decides the award year a bureau works on now
    /// (<see cref="AwardYears"/>).
    /// </summary>
    AwardBasis Basis { get; }

    /// <summary>
    /// Says what the block pays in plain Chinese from its own parameters (政策解读), with a typical case or two the engine
    /// then works out (<see cref="Catalog.ClauseReading"/>): every block describes itself, so no reading is written by hand.
    /// </summary>
    void Describe(Catalog.ReadingDraft reading);
}

/// <summary>A rule that can also say what the enterprise would need to reach its next threshold or step.</summary>
public interface IHintingRule
{
    void Hint(RuleContext ctx);
}

/// <summary>A cultivation library's selection rule.</summary>
public interface ILibraryRule
{
    /// <summary>The reason the enterprise qualifies in the award year, or null.</summary>
    string? Qualifies(Dossier dossier, int year, IReadOnlySet<string> librariesSoFar);
}

/// <summary>A line a rule proposes, before windows, status, precedence and cost sharing are applied.</summary>
internal sealed record Candidate(Clause Clause, string? Item, decimal Amount, DateOnly EventDate, string Because);

/// <summary>
/// What a rule sees and where it writes: the dossier, the award year, the ledger, and sinks for awards,
/// referrals, not-paid lines, hints and trace. One per evaluation, pointed at each clause part in turn.
/// </summary>
public sealed partial class RuleContext
{
    private readonly EvaluationRun _run;

    internal RuleContext(EvaluationRun run, Clause clause, ClausePart part)
    {
        _run = run;
        Clause = clause;
        Part = part;
    }

    public Dossier Dossier => _run.Dossier;

    /// <summary>The awards this evaluation has proposed so far, for ladders that span clauses.</summary>
    internal IReadOnlyList<Candidate> Proposed => _run.Candidates;

    public int Year => _run.Year;

    /// <summary>Another clause as a sentence names it (郑政〔2023〕23号第二十条), never by its catalogue id.</summary>
    public string ArticleOf(string clause) => _run.Evaluator.Catalog.ClausesById.TryGetValue(clause, out var c) ? c.ArticleName : clause;

    public Clause Clause { get; internal set; }

    public ClausePart Part { get; internal set; }

    /// <summary>Whether the caller asked for the trace; rules build check sentences only then.</summary>
    public bool Tracing => _run.Trace is not null;

    public bool WantsHints => _run.Hints is not null;

    /// <summary>The last day of the award year: titles held by then count for libraries and relocations.</summary>
    public DateOnly YearEnd => new(Year, 12, 31);

    public bool InYear(DateOnly day) => day.Year == Year;

    public void Award(string? item, decimal amount, DateOnly eventDate, string because) =>
        _run.Candidates.Add(new Candidate(Clause, item ?? Part.Item, amount, eventDate, because));

    public void Refer(string? item, string reason, DateOnly? eventDate) =>
        _run.ReferralCandidates.Add((Clause, new Referral(Clause.Article, item ?? Part.Item, reason), eventDate));

    public void NotPaid(string? item, string reason) => _run.NotPaid.Add(new NotPaid(Clause.Id, item ?? Part.Item, reason));

    public void Check(string check, bool passed) => _run.Trace?.Add(new TraceEntry(Clause.Id, check, passed));

    /// <summary>
    /// A check written as an interpolated string: its sentence (amounts in 亿/万, percentages, lists) is only built
    /// when the caller asked for the trace, so an evaluation without trace formats nothing it would throw away.
    /// </summary>
    public void Check([InterpolatedStringHandlerArgument("")] ref CheckText check, bool passed)
    {
        if (_run.Trace is { } trace)
        {
            trace.Add(new TraceEntry(Clause.Id, check.ToStringAndClear(), passed));
        }
    }

    public void Hint(string metric, int year, decimal needed, decimal wouldPay, string text)
    {
        if (needed > 0 && wouldPay > 0)
        {
            _run.Hints?.Add(new Hint(Clause.Id, metric, year, needed, wouldPay, text));
        }
    }

    /// <summary>Whether a later document pays this item instead (its award here will be listed as not paid).</summary>
    public bool Superseded(string? item, DateOnly eventDate) => _run.Evaluator.IsSuperseded(Clause, item, eventDate);

    /// <summary>Whether the clause's window (or the document's) contains an event date: hints are only given for payable years.</summary>
    public bool Payable(DateOnly eventDate) => _run.Evaluator.IsPayable(Clause, eventDate, _run.Options);

    public bool HasAll(IReadOnlyList<string> traits)
    {
        for (var i = 0; i < traits.Count; i++)
        {
            if (!Dossier.Has(traits[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool HasAny(IReadOnlyList<string> traits)
    {
        for (var i = 0; i < traits.Count; i++)
        {
            if (Dossier.Has(traits[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks the traits a clause requires, tracing which are missing.</summary>
    public bool Requires(IReadOnlyList<string> all, IReadOnlyList<string> any)
    {
        var ok = HasAll(all) && (any.Count == 0 || HasAny(any));
        if (Tracing && (all.Count > 0 || any.Count > 0))
        {
            var need = string.Join("、", all.Select(Vocabulary.Chinese));
            if (any.Count > 0)
            {
                need += (need.Length > 0 ? "，且" : "") + string.Join("或", any.Select(Vocabulary.Chinese));
            }

            Check($"须为{need}", ok);
        }

        return ok;
    }
}

/// <summary>
/// The sentence of a <see cref="RuleContext.Check(ref CheckText, bool)"/>: formatted as an ordinary interpolated string
/// (same culture, same formats) when the evaluation is traced; when it is not, none of its holes is evaluated.
/// </summary>
[InterpolatedStringHandler]
public ref struct CheckText
{
    private DefaultInterpolatedStringHandler _text;

    public CheckText(int literalLength, int formattedCount, RuleContext context, out bool wanted)
    {
        ArgumentNullException.ThrowIfNull(context);
        wanted = context.Tracing;
        _text = wanted ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _text.AppendFormatted(value);

    internal string ToStringAndClear() => _text.ToStringAndClear();
}
