using System.Collections.Frozen;
using Huiqi.Engine.Model;

namespace Huiqi.Store;

/// <summary>
/// The one mapping between a <see cref="Dossier"/> and the registry's rows, used by every path that writes or reads
/// facts: storing a dossier, importing a sheet (each row is read as a small dossier first), and assembling dossiers.
/// </summary>
public static class FactMapper
{
    /// <summary>The CLR types of every fact table, in the order their sections appear in a dossier.</summary>
    public static readonly IReadOnlyList<Type> FactTypes =
    [
        typeof(FigureRow), typeof(RankingRow), typeof(HonorRow), typeof(ProjectRow), typeof(ProjectInvestmentRow),
        typeof(SpendingRow), typeof(ProcurementRow), typeof(PatentProductRow), typeof(PatentSalesRow), typeof(PremisesRow),
        typeof(TrainingRow), typeof(GrantRow),
    ];

    /// <summary>The head row's fields from a dossier (the id is left for the caller).</summary>
    public static void CopyHead(Dossier d, EnterpriseRow row)
    {
        row.Uscc = d.Uscc;
        row.Name = d.Name;
        row.District = d.District;
        row.Traits = string.Join(',', d.Traits);
        row.Sectors = string.Join(',', d.Sectors);
        row.RelocatedOn = d.RelocatedOn;
    }

    /// <summary>Every fact of a dossier as rows (enterprise id unset).</summary>
    public static IEnumerable<FactRow> ToRows(Dossier d)
    {
        foreach (var metric in d.Figures.Metrics)
        {
            foreach (var (period, value) in d.Figures.Series(metric))
            {
                yield return new FigureRow { Metric = metric, Period = period.ToString(), Value = value };
            }
        }

        foreach (var r in d.Rankings)
        {
            yield return new RankingRow { List = r.List, Year = r.Year, Rank = r.Rank, Date = r.Date };
        }

        foreach (var h in d.Honors)
        {
            yield return new HonorRow { Kind = h.Kind, Date = h.Date, Item = h.Item, Stars = h.Stars, ProvincialFunding = h.ProvincialFunding, Sales = h.Sales };
        }

        foreach (var p in d.Projects)
        {
            yield return new ProjectRow
            {
                Code = p.Id, Kind = p.Kind, Sei = p.Sei, Major = p.Major, TotalInvestment = p.TotalInvestment,
                EquipmentInvestment = p.EquipmentInvestment, BenefitRate = p.BenefitRate, CompletedOn = p.CompletedOn,
                ReachedOutputOn = p.ReachedOutputOn, EnteredLibraryOn = p.EnteredLibraryOn, SignedOn = p.SignedOn,
                StartedOn = p.StartedOn, ContractInvestment = p.ContractInvestment,
            };
            foreach (var (period, value) in p.CumulativeInvestment.OrderBy(i => i.Key))
            {
                yield return new ProjectInvestmentRow { ProjectCode = p.Id, Period = period.ToString(), Value = value };
            }
        }

        foreach (var s in d.Spending)
        {
            yield return new SpendingRow { Kind = s.Kind, Year = s.Year, Amount = s.Amount };
        }

        foreach (var p in d.Procurement)
        {
            yield return new ProcurementRow { Year = p.Year, Supplier = p.Supplier, Chain = p.Chain, Amount = p.Amount };
        }

        foreach (var p in d.PatentProducts)
        {
            yield return new PatentProductRow { Code = p.Id, GrantedOn = p.GrantedOn };
            foreach (var (year, sales) in p.Sales.OrderBy(s => s.Key))
            {
                yield return new PatentSalesRow { PatentCode = p.Id, Year = year, Sales = sales };
            }
        }

        foreach (var p in d.Premises)
        {
            yield return new PremisesRow { Kind = p.Kind, Area = p.Area, Since = p.Since, Date = p.Date };
        }

        foreach (var t in d.Training)
        {
            yield return new TrainingRow { Kind = t.Kind, Year = t.Year, Count = t.Count };
        }

        foreach (var g in d.Grants)
        {
            // Note: a dossier's grants[].year is not yet stored here (AwardYear is set by the case workflow only); storing it
            // touches the row's natural key, left to the registry's own issue.
            yield return new GrantRow { Clause = g.Clause, Item = g.Item, Amount = g.Amount, Date = g.Date };
        }
    }

    /// <summary>
    /// The rows of a dossier with repeated natural keys merged: amounts of the same spending kind and year, or of the
    /// same supplier, chain and year, are added (the engine sums them anyway); any other repeat is an error.
    /// </summary>
    public static List<FactRow> ToDistinctRows(Dossier d)
    {
        var rows = new Dictionary<(Type, string), FactRow>();
        foreach (var row in ToRows(d))
        {
            var key = (row.GetType(), row.NaturalKey());
            if (!rows.TryGetValue(key, out var earlier))
            {
                rows.Add(key, row);
            }
            else if (earlier is SpendingRow s && row is SpendingRow s2)
            {
                s.Amount += s2.Amount;
            }
            else if (earlier is ProcurementRow p && row is ProcurementRow p2)
            {
                p.Amount += p2.Amount;
            }
            else
            {
                throw new ArgumentException($"dossier {d.Uscc} holds two {row.GetType().Name} facts with the key '{key.Item2}'", nameof(d));
            }
        }

        return [.. rows.Values];
    }

    /// <summary>Assembles a dossier from its head row and its fact rows (in the order they were stored).</summary>
    public static Dossier ToDossier(EnterpriseRow head, IEnumerable<FactRow> facts)
    {
        var byType = facts.OrderBy(f => f.Id).ToLookup(f => f.GetType());
        IEnumerable<T> Of<T>() => byType[typeof(T)].Cast<T>();

        var figures = Of<FigureRow>()
            .GroupBy(f => f.Metric, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<Period, decimal>)g.ToFrozenDictionary(f => Period.Parse(f.Period), f => Norm(f.Value)),
                StringComparer.Ordinal);
        var investments = Of<ProjectInvestmentRow>().ToLookup(i => i.ProjectCode, StringComparer.Ordinal);
        var sales = Of<PatentSalesRow>().ToLookup(s => s.PatentCode, StringComparer.Ordinal);

        return new Dossier
        {
            Uscc = head.Uscc,
            Name = head.Name,
            District = head.District,
            Traits = Split(head.Traits).ToFrozenSet(StringComparer.Ordinal),
            Sectors = [.. Split(head.Sectors)],
            RelocatedOn = head.RelocatedOn,
            Figures = new FigureTable(figures.ToFrozenDictionary(StringComparer.Ordinal)),
            Rankings = [.. Of<RankingRow>().Select(r => new Ranking(r.List, r.Year, r.Rank, r.Date))],
            Honors = [.. Of<HonorRow>().Select(h => new Honor(h.Kind, h.Date) { Item = h.Item, Stars = h.Stars, ProvincialFunding = Norm(h.ProvincialFunding), Sales = Norm(h.Sales) })],
            Projects = [.. Of<ProjectRow>().Select(p => new Project(p.Code, p.Kind)
            {
                Sei = p.Sei, Major = p.Major, TotalInvestment = Norm(p.TotalInvestment), EquipmentInvestment = Norm(p.EquipmentInvestment),
                BenefitRate = Norm(p.BenefitRate), CompletedOn = p.CompletedOn, ReachedOutputOn = p.ReachedOutputOn,
                EnteredLibraryOn = p.EnteredLibraryOn, SignedOn = p.SignedOn, StartedOn = p.StartedOn, ContractInvestment = Norm(p.ContractInvestment),
                CumulativeInvestment = investments[p.Code].ToFrozenDictionary(i => Period.Parse(i.Period), i => Norm(i.Value)),
            })],
            Spending = [.. Of<SpendingRow>().Select(s => new Spending(s.Kind, s.Year, Norm(s.Amount)))],
            Procurement = [.. Of<ProcurementRow>().Select(p => new Procurement(p.Year, p.Supplier, Norm(p.Amount), p.Chain))],
            PatentProducts = [.. Of<PatentProductRow>().Select(p => new PatentProduct(p.Code, p.GrantedOn, sales[p.Code].ToFrozenDictionary(s => s.Year, s => Norm(s.Sales))))],
            Premises = [.. Of<PremisesRow>().Select(p => new Premises(p.Kind, Norm(p.Area), p.Since, p.Date))],
            Training = [.. Of<TrainingRow>().Select(t => new Training(t.Kind, t.Year, t.Count))],
            // Lines imported from the old ledgers carry no award year: the year of their date, as dossier.md says.
            Grants = [.. Of<GrantRow>().Select(g => new Grant(g.Clause, g.Item, Norm(g.Amount), g.Date) { Year = g.AwardYear ?? g.Date.Year })],
        };
    }

    /// <summary>
    /// A decimal without trailing zeros: PostgreSQL returns numeric(20,2) as 246000000.00 and SQLite's text as
    /// 246000000.0; the dossier holds the number as it was given.
    /// </summary>
    public static decimal Norm(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Norm(decimal? value) => value is { } v ? Norm(v) : null;

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
