using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
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

    // The rows of each section, mapped field by field by the contract's table (FactColumns names the property of each).
    private static readonly RowMap<Ranking, RankingRow> RankingRows = new(FactFields.Rankings);
    private static readonly RowMap<Honor, HonorRow> HonorRows = new(FactFields.Honors);

    private static readonly RowMap<Project, ProjectRow> ProjectRows = new(FactFields.Projects)
    {
        // A fixed-asset project's cumulative investment: a row per period, after its project's row.
        Children = (p, series) => series.Cast<KeyValuePair<Period, decimal>>().OrderBy(i => i.Key)
            .Select(i => (FactRow)new ProjectInvestmentRow { ProjectCode = p.Code, Period = i.Key.ToString(), Value = i.Value }),
    };

    private static readonly RowMap<Spending, SpendingRow> SpendingRows = new(FactFields.Spending);
    private static readonly RowMap<Procurement, ProcurementRow> ProcurementRows = new(FactFields.Procurement);

    private static readonly RowMap<PatentProduct, PatentProductRow> PatentProductRows = new(FactFields.PatentProducts)
    {
        // A patent product's sales: a row per year, after its product's row.
        Children = (p, series) => series.Cast<KeyValuePair<int, decimal>>().OrderBy(s => s.Key)
            .Select(s => (FactRow)new PatentSalesRow { PatentCode = p.Code, Year = s.Key, Sales = s.Value }),
    };

    private static readonly RowMap<Premises, PremisesRow> PremisesRows = new(FactFields.Premises);
    private static readonly RowMap<Training, TrainingRow> TrainingRows = new(FactFields.Training);

    // A grant's award year (grants[].year: the year whose award a payment settles, e.g. a 2024 award paid in January
    // 2025) is stored as written, and is part of the line's natural key; a line without it is of its date's year.
    private static readonly RowMap<Grant, GrantRow> GrantRows = new(FactFields.Grants);

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

        IEnumerable<FactRow>[] sections =
        [
            RankingRows.ToRows(d), HonorRows.ToRows(d), ProjectRows.ToRows(d), SpendingRows.ToRows(d), ProcurementRows.ToRows(d),
            PatentProductRows.ToRows(d), PremisesRows.ToRows(d), TrainingRows.ToRows(d), GrantRows.ToRows(d),
        ];
        foreach (var section in sections)
        {
            foreach (var row in section)
            {
                yield return row;
            }
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
            Rankings = RankingRows.ToItems(Of<RankingRow>()),
            Honors = HonorRows.ToItems(Of<HonorRow>()),
            Projects = ProjectRows.ToItems(Of<ProjectRow>(), p => investments[p.Code].ToFrozenDictionary(i => Period.Parse(i.Period), i => Norm(i.Value))),
            Spending = SpendingRows.ToItems(Of<SpendingRow>()),
            Procurement = ProcurementRows.ToItems(Of<ProcurementRow>()),
            PatentProducts = PatentProductRows.ToItems(Of<PatentProductRow>(), p => sales[p.Code].ToFrozenDictionary(s => s.Year, s => Norm(s.Sales))),
            Premises = PremisesRows.ToItems(Of<PremisesRow>()),
            Training = TrainingRows.ToItems(Of<TrainingRow>()),
            Grants = GrantRows.ToItems(Of<GrantRow>()),
        };
    }

    /// <summary>
    /// A decimal without trailing zeros: PostgreSQL returns numeric(20,2) as 246000000.00 and SQLite's text as
    /// 246000000.0; the dossier holds the number as it was given.
    /// </summary>
    public static decimal Norm(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Norm(decimal? value) => value is { } v ? Norm(v) : null;

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The rows of one section: each field of the contract's table is a property of the row (<see cref="FactColumns"/>; a
    /// series is rows of its own, <see cref="Children"/>). Accessors are compiled once.
    /// </summary>
    private sealed class RowMap<T, TRow>
        where T : class
        where TRow : FactRow, new()
    {
        private readonly FactSection<T> _section;
        private readonly (int Field, Func<TRow, object?> Get, Action<TRow, object?>? Set)[] _columns;
        private readonly int _series;

        public RowMap(FactSection<T> section)
        {
            _section = section;
            _series = -1;
            var columns = new List<(int, Func<TRow, object?>, Action<TRow, object?>?)>();
            for (var k = 0; k < section.Fields.Count; k++)
            {
                var field = section.Fields[k];
                if (FactSection.IsSeries(field.Kind))
                {
                    _series = k;
                    continue;
                }

                var name = FactColumns.Property(section, field);
                var property = typeof(TRow).GetProperty(name)
                    ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {name} for the field {section.Name}.{field.Name}");
                columns.Add((k, Getter(property), Setter(property)));
            }

            _columns = [.. columns];
        }

        /// <summary>The rows of a series field, after its item's row.</summary>
        public Func<TRow, System.Collections.IEnumerable, IEnumerable<FactRow>>? Children { get; init; }

        public IEnumerable<FactRow> ToRows(Dossier d)
        {
            var fields = _section.Typed;
            foreach (var item in _section.Items(d))
            {
                var row = new TRow();
                foreach (var (k, _, set) in _columns)
                {
                    var value = fields[k].Get(item);
                    set!(row, value.HasValue ? value.Boxed : fields[k].Kind == FieldKind.Bool ? false : null);
                }

                yield return row;
                if (_series >= 0 && Children is not null && fields[_series].Get(item).Series is System.Collections.IEnumerable series)
                {
                    foreach (var child in Children(row, series))
                    {
                        yield return child;
                    }
                }
            }
        }

        public IReadOnlyList<T> ToItems(IEnumerable<TRow> rows, Func<TRow, object>? series = null)
        {
            var values = new FieldValues(_section.Fields.Count);
            var items = new List<T>();
            foreach (var row in rows)
            {
                values.Clear();
                foreach (var (k, get, _) in _columns)
                {
                    values[k] = get(row) is decimal d ? FieldValue.Of(Norm(d)) : FieldValue.FromBoxed(get(row));
                }

                if (_series >= 0 && series is not null)
                {
                    values[_series] = FieldValue.FromBoxed(series(row));
                }

                items.Add(_section.Create(values));
            }

            return items;
        }

        private static Func<TRow, object?> Getter(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(TRow));
            return Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, property), typeof(object)), row).Compile();
        }

        private static Action<TRow, object?> Setter(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(TRow));
            var value = Expression.Parameter(typeof(object));
            var assign = Expression.Assign(Expression.Property(row, property), Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<TRow, object?>>(assign, row, value).Compile();
        }
    }
}
