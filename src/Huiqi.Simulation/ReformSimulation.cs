using System.Runtime.InteropServices;
using Huiqi.Engine.Blocks;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Simulation;

/// <summary>
/// A population evaluated under the baseline and a reform in one pass. The caller hands in the population chunk by chunk
/// (JSONL lines, parsed here in parallel, or dossiers from the registry); only the running sums, the largest gainers and
/// losers and the first bad lines are kept, so memory does not grow with the population. Each changed line can be handed
/// to a <see cref="Detail"/> sink (the CLI writes the xlsx from it).
/// </summary>
/// <remarks>
/// One pass, and little more than one evaluation: the reform is evaluated only on the clauses it can change (see
/// <see cref="Reach"/>); every other line of its answer is the baseline's.
/// Whether a change had an effect: with one change, any enterprise whose award lines differ. With several, for each
/// enterprise the reform changes, the reform is evaluated once more without each change; a change counts for that
/// enterprise when leaving it out alters the answer (its marginal effect). An enterprise the reform leaves unchanged
/// counts for no change. A change the others depend on (a parameter of a clause the reform adds) cannot be left out and
/// counts wherever the reform changes anything.
/// </remarks>
public sealed class ReformSimulation : IPopulationSink
{
    /// <summary>How many of the largest gains and losses are kept, by default.</summary>
    public const int DefaultTop = 10;

    private const int KeptErrors = 20;

    private readonly Scenario _baseline;
    private readonly Scenario _reform;
    private readonly Reached _reached;
    private readonly IReadOnlyList<Reached?> _without;
    private readonly Reform _definition;
    private readonly int _year;
    private readonly int _top;
    private readonly Tally _sum;
    private readonly List<Mover> _gainers = [];
    private readonly List<Mover> _losers = [];
    private readonly List<BadLine> _errors = [];
    private long _bad;
    private Slot[] _slots = [];

    /// <param name="baseline">The catalogue as it is.</param>
    /// <param name="reform">The catalogue as the reform makes it.</param>
    /// <param name="definition">The reform, for its changes.</param>
    /// <param name="year">The award year.</param>
    /// <param name="without">For a reform of several changes, the reform without each (null where it cannot be built).</param>
    /// <param name="top">How many of the largest gains and losses to keep.</param>
    /// <param name="narrow">Evaluate the reform on the clauses it can change only (the default); false evaluates every clause, as a check.</param>
    public ReformSimulation(Scenario baseline, Scenario reform, Reform definition, int year, IReadOnlyList<Scenario?>? without = null, int top = DefaultTop, bool narrow = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _baseline = baseline;
        _reform = reform;
        _definition = definition;
        _year = year;
        _top = top;
        _reached = Reached.Of(baseline.Catalog, reform, narrow);
        _without = (without ?? []).Select(w => w is null ? null : Reached.Of(baseline.Catalog, w, narrow)).ToList();
        _sum = new Tally(definition.Changes.Count);
    }

    /// <summary>A reform restricted to the clauses it can change, and those clauses.</summary>
    private sealed record Reached(Scenario Scenario, HashSet<string> Clauses)
    {
        public static Reached Of(PolicyCatalog baseline, Scenario reform, bool narrow)
        {
            var clauses = narrow ? Reach.Of(baseline, reform) : baseline.Clauses.Concat(reform.Catalog.Clauses).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var kept = reform.Catalog.Clauses.Where(c => clauses.Contains(c.Id)).Select(c => c.Id).ToList();
            var scenario = kept.Count == reform.Catalog.Clauses.Count ? reform : new Scenario(reform.Name, reform.Catalog.Only(kept), reform.Options);
            return new(scenario, clauses);
        }

        /// <summary>The reform's answer: the baseline's lines of the clauses out of reach, and the reform's of those in reach.</summary>
        public Answer Evaluate(Answer baseline, Dossier dossier, int year)
        {
            if (Clauses.Count == 0)
            {
                return baseline;
            }

            var reached = Scenario.Evaluate(dossier, year);
            if (PaysAsBaseline(baseline, reached))
            {
                return baseline;
            }

            return reached with
            {
                Awards = [.. baseline.Awards.Where(a => !Clauses.Contains(a.Clause)), .. reached.Awards],
                Referrals = [.. baseline.Referrals.Where(a => !Clauses.Contains(a.Clause)), .. reached.Referrals],
                NotPaid = [.. baseline.NotPaid.Where(a => !Clauses.Contains(a.Clause)), .. reached.NotPaid],
                Libraries = baseline.Libraries,
            };
        }

        /// <summary>
        /// Whether the clauses in reach pay the baseline's award lines in them, in the same order: the reform's awards are
        /// then the baseline's, and the baseline's answer stands for it wherever only awards are compared and summed.
        /// </summary>
        private bool PaysAsBaseline(Answer baseline, Answer reached)
        {
            var reform = Items.Of(reached.Awards);
            var j = 0;
            foreach (var award in Items.Of(baseline.Awards))
            {
                if (Clauses.Contains(award.Clause) && (j >= reform.Length || !Same(award, reform[j++])))
                {
                    return false;
                }
            }

            return j == reform.Length;
        }
    }

    /// <summary>
    /// Applies the reform to the baseline catalogue and prepares the simulation, with the leave-one-out scenarios a
    /// reform of several changes needs; or the reform's faults, named by its file and line.
    /// </summary>
    public static (ReformSimulation? Simulation, IReadOnlyList<CatalogError> Errors) Prepare(PolicyCatalog baseline, Reform reform, int year, int top = DefaultTop, bool narrow = true)
    {
        ArgumentNullException.ThrowIfNull(reform);
        var applied = ReformApplier.Apply(baseline, reform);
        if (!applied.Ok)
        {
            return (null, applied.Errors);
        }

        var without = reform.Changes.Count < 2
            ? []
            : Enumerable.Range(0, reform.Changes.Count).Select(i => ReformApplier.Apply(baseline, reform, leaveOut: i).Scenario).ToList();
        return (new ReformSimulation(Scenario.Baseline(baseline), applied.Scenario!, reform, year, without, top, narrow), []);
    }

    /// <summary>Receives every changed award line, in population order (for the detail sheet).</summary>
    public Action<Dossier, LineChange>? Detail { get; set; }

    /// <summary>Parses and evaluates a chunk of JSONL lines; <paramref name="firstLine"/> is the 1-based number of the first.</summary>
    public void AddLines(IReadOnlyList<string> lines, long firstLine)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Process(lines.Count, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return (null, null);
            }

            var read = DossierReader.Read(lines[i]);
            return read.Ok ? (read.Dossier, null) : (null, read.Errors[0].ToString());
        }, firstLine);
    }

    /// <summary>Reads and evaluates a chunk of JSONL lines kept as UTF-8 (<see cref="JsonLines"/>): each line is parsed once, here, in parallel.</summary>
    public void AddLines(LineChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        Process(chunk.Count, i =>
        {
            if (chunk.IsBlank(i))
            {
                return (null, null);
            }

            var read = chunk.Read(i);
            return read.Ok ? (read.Dossier, null) : (null, read.Errors[0].ToString());
        }, chunk.FirstLine);
    }

    /// <summary>Evaluates a chunk of dossiers (from the registry, or built in a test).</summary>
    public void AddDossiers(IReadOnlyList<Dossier> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        Process(dossiers.Count, i => (dossiers[i], null), 0);
    }

    /// <summary>What the ordered pass needs of one entry of a chunk: a bad line, or a dossier the reform changes.</summary>
    private struct Slot
    {
        public Dossier? Dossier;
        public Answer? Baseline;
        public Answer? Reform;
        public string? Error;
    }

    /// <summary>
    /// Evaluates a chunk in parallel, summing into a tally per thread (amounts are exact decimals, so the order of the
    /// sums does not matter); only bad lines and changed dossiers are kept, for the ordered pass that keeps the largest
    /// movers and hands the changed lines to <see cref="Detail"/> in population order.
    /// </summary>
    private void Process(int count, Func<int, (Dossier? Dossier, string? Error)> read, long firstLine)
    {
        // One array of slots for every chunk (cleared before and after): a chunk's slots are too large to allocate afresh each time.
        if (_slots.Length < count)
        {
            _slots = new Slot[count];
        }

        var slots = _slots;
        Array.Clear(slots, 0, count);
        Parallel.For(0, count, () => new Tally(_sum.Affected.Length), (i, _, tally) =>
        {
            var (d, error) = read(i);
            if (error is not null)
            {
                slots[i].Error = error;
            }
            else if (d is not null)
            {
                try
                {
                    var b = _baseline.Evaluate(d, _year);
                    var r = _reached.Evaluate(b, d, _year);
                    var same = ReferenceEquals(b, r) || SameAwards(b, r);
                    tally.Add(d, b, r);
                    if (!same)
                    {
                        for (var c = 0; c < tally.Affected.Length; c++)
                        {
                            if (_without.Count == 0 || _without[c] is not { } w || !SameAwards(w.Evaluate(b, d, _year), r))
                            {
                                tally.Affected[c]++;
                            }
                        }

                        slots[i] = new Slot { Dossier = d, Baseline = b, Reform = r };
                    }
                }
                catch (OverflowException)
                {
                    slots[i].Error = $"{d.Uscc}: 数值过大，计算溢出 / a figure is too large to compute with";
                }
            }

            return tally;
        }, tally =>
        {
            lock (_sum)
            {
                _sum.Merge(tally);
            }
        });

        for (var i = 0; i < count; i++)
        {
            ref var s = ref slots[i];
            if (s.Error is { } error)
            {
                _bad++;
                if (_errors.Count < KeptErrors)
                {
                    _errors.Add(new BadLine(firstLine == 0 ? 0 : firstLine + i, error));
                }

                continue;
            }

            if (s.Dossier is not { } d)
            {
                continue;
            }

            var b = s.Baseline!;
            var r = s.Reform!;
            IReadOnlyList<LineChange>? lines = null;
            if (Detail is { } detail)
            {
                lines = Diff(b, r);
                foreach (var line in lines)
                {
                    detail(d, line);
                }
            }

            var total = new Amounts(b.Total, r.Total);
            if (total.Delta != 0)
            {
                Keep(total.Delta > 0 ? _gainers : _losers, d, total, () => lines ?? Diff(b, r));
            }
        }

        Array.Clear(slots, 0, count);
    }

    /// <summary>Running sums: one per thread while a chunk is evaluated, merged into the simulation's.</summary>
    private sealed class Tally(int changes)
    {
        public readonly Dictionary<string, Amounts> ByClause = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Amounts> ByDistrict = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Amounts> DistrictShares = new(StringComparer.Ordinal);
        public readonly long[] Affected = new long[changes];
        public Amounts Total, City, District;
        public long Dossiers, Gainers, Losers, Unchanged;

        public void Add(Dossier d, Answer b, Answer r)
        {
            Dossiers++;
            var delta = r.Total - b.Total;
            if (delta > 0)
            {
                Gainers++;
            }
            else if (delta < 0)
            {
                Losers++;
            }
            else
            {
                Unchanged++;
            }

            if (ReferenceEquals(b, r))
            {
                Sum(b, d, Side.Both);
            }
            else
            {
                Sum(b, d, Side.Baseline);
                Sum(r, d, Side.Reform);
            }
        }

        private void Sum(Answer answer, Dossier d, Side side)
        {
            foreach (var a in Items.Of(answer.Awards))
            {
                var amount = On(side, a.Amount);
                Put(ByClause, a.Clause, amount);
                Put(ByDistrict, d.District, amount);
                if (a.DistrictShare != 0)
                {
                    Put(DistrictShares, d.District, On(side, a.DistrictShare));
                }

                Total += amount;
                City += On(side, a.CityShare);
                District += On(side, a.DistrictShare);
            }
        }

        private enum Side
        {
            Baseline,
            Reform,
            Both,
        }

        private static Amounts On(Side side, decimal amount) => side switch
        {
            Side.Baseline => new(amount, 0),
            Side.Reform => new(0, amount),
            _ => new(amount, amount),
        };

        private static void Put(Dictionary<string, Amounts> sums, string key, Amounts amount)
        {
            ref var v = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
            v += amount;
        }

        public void Merge(Tally t)
        {
            foreach (var (source, target) in new[] { (t.ByClause, ByClause), (t.ByDistrict, ByDistrict), (t.DistrictShares, DistrictShares) })
            {
                foreach (var (k, v) in source)
                {
                    Put(target, k, v);
                }
            }

            for (var c = 0; c < Affected.Length; c++)
            {
                Affected[c] += t.Affected[c];
            }

            Total += t.Total;
            City += t.City;
            District += t.District;
            Dossiers += t.Dossiers;
            Gainers += t.Gainers;
            Losers += t.Losers;
            Unchanged += t.Unchanged;
        }
    }

    /// <summary>Keeps the largest movers only: a new one enters when the list is short or it moves more than the last.</summary>
    private void Keep(List<Mover> list, Dossier d, Amounts total, Func<IReadOnlyList<LineChange>> lines)
    {
        if (_top <= 0)
        {
            return;
        }

        var size = Math.Abs(total.Delta);
        if (list.Count == _top && size <= Math.Abs(list[^1].Total.Delta))
        {
            return;
        }

        var at = list.FindIndex(m => Math.Abs(m.Total.Delta) < size);
        list.Insert(at < 0 ? list.Count : at, new Mover(d.Uscc, d.Name, d.District, total, lines()));
        if (list.Count > _top)
        {
            list.RemoveAt(list.Count - 1);
        }
    }

    /// <summary>Whether two answers pay the same lines (clause, item, amount and split), in any order.</summary>
    internal static bool SameAwards(Answer a, Answer b)
    {
        if (a.Awards.Count != b.Awards.Count)
        {
            return false;
        }

        var inOrder = true;
        for (var i = 0; i < a.Awards.Count && inOrder; i++)
        {
            inOrder = Same(a.Awards[i], b.Awards[i]);
        }

        return inOrder || a.Awards.All(x => b.Awards.Count(y => Same(x, y)) == a.Awards.Count(y => Same(x, y)));
    }

    private static bool Same(AwardLine x, AwardLine y) =>
        x.Amount == y.Amount && x.CityShare == y.CityShare && x.DistrictShare == y.DistrictShare && x.Clause == y.Clause && x.Item == y.Item;

    /// <summary>The lines (clause and item) whose amount or split differs, with the reform's reason.</summary>
    internal static IReadOnlyList<LineChange> Diff(Answer b, Answer r)
    {
        var keys = b.Awards.Concat(r.Awards).Select(a => (a.Clause, a.Item)).Distinct().ToList();
        var result = new List<LineChange>();
        foreach (var (clause, item) in keys)
        {
            var before = b.Awards.Where(a => a.Clause == clause && a.Item == item).ToList();
            var after = r.Awards.Where(a => a.Clause == clause && a.Item == item).ToList();
            var amount = new Amounts(before.Sum(a => a.Amount), after.Sum(a => a.Amount));
            var city = new Amounts(before.Sum(a => a.CityShare), after.Sum(a => a.CityShare));
            var district = new Amounts(before.Sum(a => a.DistrictShare), after.Sum(a => a.DistrictShare));
            if (amount.Delta == 0 && city.Delta == 0 && district.Delta == 0)
            {
                continue;
            }

            var reason = after.Count > 0
                ? string.Join("；", after.Select(a => a.Because))
                : r.NotPaid.FirstOrDefault(n => n.Clause == clause && n.Item == item)?.Reason
                  ?? r.NotPaid.FirstOrDefault(n => n.Clause == clause)?.Reason
                  ?? "调整后不再支付 / no longer paid under the reform";
            result.Add(new LineChange(clause, item, amount, city, district, reason) { EventDate = (after.Count > 0 ? after : before).Max(a => a.EventDate) });
        }

        return result;
    }

    /// <summary>The report of everything added so far.</summary>
    public SimulationReport Report()
    {
        var order = _reform.Catalog.Clauses.Select(c => c.Id).Concat(_baseline.Catalog.Clauses.Select(c => c.Id)).Distinct().Select((id, i) => (id, i))
            .ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var districts = Vocabulary.Districts.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        return new SimulationReport
        {
            ReformId = _definition.Id,
            Title = _definition.Title,
            Year = _year,
            Dossiers = _sum.Dossiers,
            BadLines = _bad,
            Errors = _errors.ToList(),
            Total = _sum.Total,
            ByClause = _sum.ByClause.OrderBy(kv => order.GetValueOrDefault(kv.Key, int.MaxValue)).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            ByDistrict = _sum.ByDistrict.OrderBy(kv => districts.GetValueOrDefault(kv.Key, int.MaxValue)).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            ByPayer = [new("city", _sum.City), new("district", _sum.District)],
            DistrictShares = _sum.DistrictShares.OrderBy(kv => districts.GetValueOrDefault(kv.Key, int.MaxValue)).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            Gainers = _sum.Gainers,
            Losers = _sum.Losers,
            Unchanged = _sum.Unchanged,
            TopGainers = _gainers.ToList(),
            TopLosers = _losers.ToList(),
            Changes = _definition.Changes.Select((c, i) => new ChangeEffect(i, c, _sum.Affected[i])).ToList(),
        };
    }
}
