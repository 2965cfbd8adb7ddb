using Huiqi.Engine.Catalog;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Simulation;

/// <summary>
/// What renewing an expired document costs (续期测算): the city's question once 郑政〔2023〕23号 ran out on 2026-11-26.
/// A renewal is a reform of one change that moves the document's window end later (the shipped
/// <c>extend-zz2023-23</c>: the same clauses to 2029-11-26). Two answers, each the award year evaluated with the renewal
/// minus without it, which is exactly what the renewal adds:
/// <list type="bullet">
/// <item>the year the old window ends (Y = 2026), on the population as it is: the events dated after the old end
/// (titles, projects completed, rankings published from 2026-11-27 on), and the awards of Y's figures, which the engine
/// dates on 31 December of Y (dossier.md, "event date"; interpretation.md rule 4) and so fall outside the old window
/// however early in the year the revenue was earned;</item>
/// <item>the next year (Y+1 = 2027): each dossier's figures of Y grown by the forecast's growth
/// (<see cref="Forecast.Project"/>, the same projection and assumptions as <see cref="Forecast"/>), under the central
/// assumption for the tables and the low and high ones for the range.</item>
/// </list>
/// Each is a <see cref="ReformSimulation"/>, so the sums by clause, district and payer are the simulation's.
/// </summary>
public sealed class RenewalCost : IPopulationSink
{
    /// <summary>The shipped renewal the page costs.</summary>
    public const string ShippedReform = "extend-zz2023-23";

    private static readonly Band[] Bands = [Band.Low, Band.Central, Band.High];

    private readonly PolicyCatalog _catalog;

    private string ArticleOf(string clause) => _catalog.ClausesById.TryGetValue(clause, out var c) ? c.ArticleName : clause;
    private readonly Reform _reform;
    private readonly PolicyDocument _document;
    private readonly DateRange _old;
    private readonly DateOnly _renewedTo;
    private readonly GrowthAssumptions _growth;
    private readonly ReformSimulation _remaining;
    private readonly ReformSimulation[] _next;
    private readonly Dictionary<RenewalKind, decimal> _byKind = [];
    private readonly Dictionary<RenewalKind, HashSet<string>> _kindClauses = [];

    private RenewalCost(PolicyCatalog catalog, Reform reform, PolicyDocument document, DateRange old, DateOnly renewedTo, GrowthAssumptions growth, ReformSimulation remaining, ReformSimulation[] next)
    {
        (_catalog, _reform, _document, _old, _renewedTo, _growth, _remaining, _next) = (catalog, reform, document, old, renewedTo, growth, remaining, next);
        _remaining.Detail = (_, line) => Sort(line);
    }

    /// <summary>The year the old window ends (2026): its events after the end and its figures are what the renewal adds.</summary>
    public int Year => _old.To.Year;

    /// <summary>
    /// Prepares the costing of a renewal: the reform must be one change extending a document's window end (its start
    /// unchanged); anything else is not a renewal and is refused with the reform's file and line.
    /// </summary>
    public static (RenewalCost? Cost, IReadOnlyList<CatalogError> Errors) Prepare(PolicyCatalog catalog, Reform reform, GrowthAssumptions growth)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reform);
        ArgumentNullException.ThrowIfNull(growth);
        if (reform.Changes is not [WindowChange { To: { } to } change]
            || catalog.Document(change.Document) is not { Window: { } old } document
            || (change.From is { } from && from != old.From) || to <= old.To)
        {
            return (null, [new CatalogError(reform.File, reform.Changes.FirstOrDefault()?.Line ?? 0,
                "续期测算只接受一项延长文件有效期截止日的变更 / a renewal is one change moving a document's window end later")]);
        }

        var (remaining, errors) = ReformSimulation.Prepare(catalog, reform, old.To.Year, top: 0);
        if (remaining is null)
        {
            return (null, errors);
        }

        var next = Bands.Select(_ => ReformSimulation.Prepare(catalog, reform, old.To.Year + 1, top: 0).Simulation!).ToArray();
        return (new RenewalCost(catalog, reform, document, old, to, growth, remaining, next), []);
    }

    public void AddDossiers(IReadOnlyList<Dossier> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        _remaining.AddDossiers(dossiers);
        AddNext(dossiers);
    }

    public void AddLines(IReadOnlyList<string> lines, long firstLine)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // The current year counts and reports the bad lines; the next year is projected from the good ones.
        _remaining.AddLines(lines, firstLine);
        var read = new Dossier?[lines.Count];
        Parallel.For(0, lines.Count, i => read[i] = string.IsNullOrWhiteSpace(lines[i]) ? null : DossierReader.Read(lines[i]).Dossier);
        AddNext([.. read.OfType<Dossier>()]);
    }

    /// <summary>The next year under each band: the dossiers' figures of the current year grown as the forecast grows them.</summary>
    private void AddNext(IReadOnlyList<Dossier> dossiers)
    {
        for (var b = 0; b < Bands.Length; b++)
        {
            var band = Bands[b];
            var projected = new Dossier[dossiers.Count];
            Parallel.For(0, dossiers.Count, i =>
            {
                var d = dossiers[i];
                projected[i] = Forecast.Project(d, Year, metric => _growth.Rate(d.District, metric, band));
            });
            _next[b].AddDossiers(projected);
        }
    }

    /// <summary>Sorts a line the renewal adds in the current year: an event after the old end, or the year's figures.</summary>
    private void Sort(LineChange line)
    {
        var kind = KindOf(line.Clause, line.EventDate);
        _byKind[kind] = _byKind.GetValueOrDefault(kind) + line.Amount.Delta;
        if (!_kindClauses.TryGetValue(kind, out var clauses))
        {
            _kindClauses[kind] = clauses = new HashSet<string>(StringComparer.Ordinal);
        }

        clauses.Add(line.Clause);
    }

    private RenewalKind KindOf(string clause, DateOnly eventDate) =>
        eventDate == new DateOnly(Year, 12, 31) && _catalog.ClausesById.TryGetValue(clause, out var c) && c.Basis == AwardBasis.Figures
            ? RenewalKind.YearFigures
            : RenewalKind.EventsAfterExpiry;

    /// <summary>What the renewal costs, for everything added so far.</summary>
    public RenewalReport Report()
    {
        var now = _remaining.Report();
        var next = _next.Select(s => s.Report()).ToArray();
        var central = next[Array.IndexOf(Bands, Band.Central)];

        var clauseOrder = _catalog.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var districtOrder = Vocabulary.Districts.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var clauses = Merge(now.ByClause, central.ByClause, null, null, clauseOrder);
        var districts = Merge(now.ByDistrict, central.ByDistrict, now.DistrictShares, central.DistrictShares, districtOrder);
        var payers = Merge(now.ByPayer, central.ByPayer, null, null, null, every: true);
        return new RenewalReport
        {
            ReformId = _reform.Id,
            Title = _reform.Title,
            Document = _document.Id,
            DocumentNumber = _document.Name,
            Expired = _old.To,
            RenewedFrom = _old.To.AddDays(1),
            RenewedTo = _renewedTo,
            Year = Year,
            NextYear = Year + 1,
            Dossiers = now.Dossiers,
            BadLines = now.BadLines,
            Growth = _growth,
            Remaining = Of(now),
            Next = Of(central),
            NextLow = next[Array.IndexOf(Bands, Band.Low)].Total.Delta,
            NextHigh = next[Array.IndexOf(Bands, Band.High)].Total.Delta,
            ByKind = [.. Enum.GetValues<RenewalKind>().Select(k => new RenewalKindLine(k, _byKind.GetValueOrDefault(k),
                [.. clauses.Where(c => _kindClauses.TryGetValue(k, out var set) && set.Contains(c.Key)).Select(c => ArticleOf(c.Key))]))],
            ByClause = [.. clauses.Select(c => c with { Name = ArticleOf(c.Key), Title = _catalog.ClausesById.TryGetValue(c.Key, out var x) ? x.Title : null })],
            ByDistrict = districts,
            ByPayer = [.. payers.Select(p => p with { Name = Runs.SimulationWorkbook.Payer(p.Key) })],
        };
    }

    private static RenewalYear Of(SimulationReport r) =>
        new(r.Total.Delta, r.ByPayer.Single(p => p.Key == "city").Value.Delta, r.ByPayer.Single(p => p.Key == "district").Value.Delta, r.Gainers, r.Losers);

    /// <summary>The rows either year changes (<paramref name="every"/>: all rows), as the renewal's cost in each, in <paramref name="order"/> (else the reports').</summary>
    private static List<RenewalLine> Merge(IReadOnlyList<KeyValuePair<string, Amounts>> now, IReadOnlyList<KeyValuePair<string, Amounts>> next,
        IReadOnlyList<KeyValuePair<string, Amounts>>? nowShares, IReadOnlyList<KeyValuePair<string, Amounts>>? nextShares, Dictionary<string, int>? order, bool every = false)
    {
        decimal Share(IReadOnlyList<KeyValuePair<string, Amounts>>? shares, string key) => shares?.FirstOrDefault(s => s.Key == key).Value.Delta ?? 0;
        var a = now.ToDictionary(kv => kv.Key, kv => kv.Value.Delta, StringComparer.Ordinal);
        var b = next.ToDictionary(kv => kv.Key, kv => kv.Value.Delta, StringComparer.Ordinal);
        return [.. now.Select(kv => kv.Key).Union(next.Select(kv => kv.Key))
            .Where(k => every || a.GetValueOrDefault(k) != 0 || b.GetValueOrDefault(k) != 0)
            .OrderBy(k => order?.GetValueOrDefault(k, int.MaxValue) ?? 0)
            .Select(k => new RenewalLine(k, k, null, a.GetValueOrDefault(k), b.GetValueOrDefault(k), Share(nowShares, k), Share(nextShares, k)))];
    }
}

/// <summary>Which of the renewal's additions a line of the current year is.</summary>
public enum RenewalKind
{
    /// <summary>An event dated after the old window's end (a title, a completed project, a ranking).</summary>
    EventsAfterExpiry,

    /// <summary>An award worked out from the year's figures, which the engine dates on 31 December.</summary>
    YearFigures,
}

/// <summary>One year's cost of the renewal: the total, what city and district finance pay, and the enterprises it pays more (or less).</summary>
public sealed record RenewalYear(decimal Total, decimal City, decimal District, long Gainers, long Losers);

/// <summary>
/// A row of a breakdown: the key (a clause id, a district, <c>city</c>/<c>district</c>), its name as people read it
/// (郑政〔2023〕23号第九条, 金水区, 市级财政), a clause's title, and the renewal's cost in each year; for a district, the
/// part its own finance pays.
/// </summary>
public sealed record RenewalLine(string Key, string Name, string? Title, decimal Remaining, decimal Next, decimal RemainingDistrictShare = 0, decimal NextDistrictShare = 0);

/// <summary>The current year's addition of one kind, and the clauses (by name) that make it.</summary>
public sealed record RenewalKindLine(RenewalKind Kind, decimal Amount, IReadOnlyList<string> Clauses);

/// <summary>What renewing the document costs in the year its old window ends and in the next year.</summary>
public sealed record RenewalReport
{
    public required string ReformId { get; init; }
    public required string Title { get; init; }

    /// <summary>The document renewed (<c>zz2023-23</c>) and its number (郑政〔2023〕23号).</summary>
    public required string Document { get; init; }

    public required string DocumentNumber { get; init; }

    /// <summary>The old window's last day (2026-11-26).</summary>
    public required DateOnly Expired { get; init; }

    public required DateOnly RenewedFrom { get; init; }

    public required DateOnly RenewedTo { get; init; }

    /// <summary>The year the old window ends (2026): its remaining events and its figures.</summary>
    public required int Year { get; init; }

    /// <summary>The year after (2027), forecast.</summary>
    public required int NextYear { get; init; }

    public required long Dossiers { get; init; }
    public required long BadLines { get; init; }

    /// <summary>The forecast's growth the next year is projected with.</summary>
    public required GrowthAssumptions Growth { get; init; }

    public required RenewalYear Remaining { get; init; }

    /// <summary>The next year under the central growth.</summary>
    public required RenewalYear Next { get; init; }

    /// <summary>The next year's total under the low and the high growth.</summary>
    public required decimal NextLow { get; init; }

    public required decimal NextHigh { get; init; }

    /// <summary>The current year's cost split into events after the old end and the year's figures.</summary>
    public required IReadOnlyList<RenewalKindLine> ByKind { get; init; }

    /// <summary>Every clause the renewal changes in either year, in catalogue order.</summary>
    public required IReadOnlyList<RenewalLine> ByClause { get; init; }

    /// <summary>Every district whose enterprises the renewal pays in either year, in the order of the districts list.</summary>
    public required IReadOnlyList<RenewalLine> ByDistrict { get; init; }

    /// <summary>市级财政 and 区县财政 (interpretation.md rule 9).</summary>
    public required IReadOnlyList<RenewalLine> ByPayer { get; init; }
}
