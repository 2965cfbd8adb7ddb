using System.Globalization;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Simulation;

/// <summary>The three growth assumptions of a forecast.</summary>
public enum Band
{
    Low,
    Central,
    High,
}

/// <summary>A growth assumption for a district and/or a metric (either may be null: any); low and high default to central ∓ the spread.</summary>
public sealed record GrowthRule(string? District, string? Metric, decimal Central, decimal? Low, decimal? High, int Line);

/// <summary>
/// How the figures of the latest year are expected to grow: a default (central ± spread) and rules per district and
/// metric, the most specific applying (district and metric, then metric, then district, then the default).
/// Metrics are those of the dossier contract, plus <c>spending</c> and <c>procurement</c> for those yearly amounts.
/// </summary>
public sealed class GrowthAssumptions(decimal central, decimal spread, IReadOnlyList<GrowthRule>? rules = null)
{
    public decimal Central { get; } = central;

    public decimal Spread { get; } = spread;

    public IReadOnlyList<GrowthRule> Rules { get; } = rules ?? [];

    /// <summary>Metrics that are ratios, not amounts: carried into next year unchanged.</summary>
    public static readonly IReadOnlySet<string> Ratios = new HashSet<string>(StringComparer.Ordinal) { "peerProfitMargin" };

    public decimal Rate(string district, string metric, Band band)
    {
        GrowthRule? rule = null;
        foreach (var r in Rules)
        {
            if ((r.District is null || r.District == district) && (r.Metric is null || r.Metric == metric) && Rank(r) > (rule is null ? -1 : Rank(rule)))
            {
                rule = r;
            }
        }

        var c = rule?.Central ?? Central;
        return band switch
        {
            Band.Low => rule?.Low ?? c - Spread,
            Band.High => rule?.High ?? c + Spread,
            _ => c,
        };
    }

    private static int Rank(GrowthRule r) => (r.District is null ? 0 : 1) + (r.Metric is null ? 0 : 2);

    /// <summary>
    /// Reads a growth file: YAML (<c>default: { central: 8%, spread: 4% }</c> and <c>growth:</c> a list of
    /// <c>{ district?, metric?, central, low?, high? }</c>) or CSV headed as <see cref="ForecastTables.GrowthColumns"/> (区县,指标,中值增长率,低值增长率,高值增长率; the older <c>district,metric,central,low,high</c> still reads).
    /// </summary>
    public static (GrowthAssumptions? Growth, IReadOnlyList<CatalogError> Errors) Read(string file, string text, decimal central, decimal spread)
    {
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return FromRows(file, ForecastTables.CsvRows(text), central, spread);
        }

        var errors = new List<CatalogError>();
        var rules = new List<GrowthRule>();
        try
        {
            var root = TableFile.Yaml(file, text);
            if (root.OptionalMapping("default") is { } d)
            {
                central = d.Rate("central");
                spread = d.OptionalRate("spread") ?? spread;
                d.Done();
            }

            foreach (var g in root.OptionalList("growth"))
            {
                try
                {
                    decimal? R(string key) => g.OptionalString(key) is { } t
                        ? ParamReader.TryParseRate(t, out var v) ? v : throw g.Error($"{key}“{t}”不是比例（如 8% 或 0.08） / {key} '{t}' is not a rate")
                        : null;
                    rules.Add(Rule(g.OptionalString("district"), g.OptionalString("metric"), R("central") ?? throw g.Error("缺少 central / central is required"), R("low"), R("high"), g.Line,
                        (_, reason) => g.Error(reason)));
                    g.Done();
                }
                catch (CatalogException e)
                {
                    errors.Add(e.Error);
                }
            }

            root.Done();
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
        }

        return errors.Count == 0 ? (new GrowthAssumptions(central, spread, rules), errors) : (null, errors);
    }

    /// <summary>
    /// Reads the growth table (<see cref="ForecastTables.GrowthColumns"/>: 区县, 指标, 中值/低值/高值增长率) from an xlsx's rows or
    /// a CSV's; a metric by its Chinese name or its code. Any wrong row: its faults by row and column, and no assumptions.
    /// </summary>
    public static (GrowthAssumptions? Growth, IReadOnlyList<CatalogError> Errors) FromRows(string file, IEnumerable<(int Row, object?[] Cells)> rows, decimal central, decimal spread)
    {
        var errors = new List<CatalogError>();
        var rules = new List<GrowthRule>();
        foreach (var row in ForecastTables.Read(file, rows, ForecastTables.GrowthColumns, errors))
        {
            try
            {
                var metric = row.Text(1) is { } m ? ForecastTables.Metrics.FirstOrDefault(x => x.Key == m || x.Value == m).Key ?? m : null;
                rules.Add(Rule(row.Text(0), metric, row.Rate(2) ?? throw row.Fault(2, "为空，须填写增长率（如 8%）"), row.Rate(3), row.Rate(4), row.Row,
                    row.Fault));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        return errors.Count == 0 ? (new GrowthAssumptions(central, spread, rules), errors) : (null, errors);
    }

    private static GrowthRule Rule(string? district, string? metric, decimal central, decimal? low, decimal? high, int line, Func<int, string, CatalogException> fault)
    {
        if (district is not null && !Vocabulary.Districts.Contains(district))
        {
            throw fault(0, $"“{district}”不是郑州市的区县（市）");
        }

        if (metric is not null && !ForecastTables.Metrics.ContainsKey(metric))
        {
            throw fault(1, $"“{metric}”不是已知的指标，可选：{string.Join("、", ForecastTables.Metrics.Values)}");
        }

        return new GrowthRule(district, metric, central, low, high, line);
    }
}

/// <summary>An amount in the latest year and under each band of the forecast year, in yuan.</summary>
public readonly record struct BandAmounts(decimal Latest, decimal Low, decimal Central, decimal High)
{
    public static BandAmounts operator +(BandAmounts a, BandAmounts b) =>
        new(a.Latest + b.Latest, a.Low + b.Low, a.Central + b.Central, a.High + b.High);

    public decimal this[Band band] => band switch { Band.Low => Low, Band.High => High, _ => Central };

    internal static BandAmounts Of(int slot, decimal amount) => slot switch
    {
        0 => new(amount, 0, 0, 0),
        1 => new(0, amount, 0, 0),
        2 => new(0, 0, amount, 0),
        _ => new(0, 0, 0, amount),
    };
}

/// <summary>A budget line (预算): for a clause or a whole document, a year and an amount.</summary>
public sealed record Budget(string Key, int Year, decimal Amount, int Line);

/// <summary>A budget set against the forecast: <c>within</c>, <c>at-risk</c> (the high band exceeds it) or <c>over</c> (the central band does).</summary>
public sealed record BudgetCheck(Budget Budget, BandAmounts Forecast)
{
    public string Status => Forecast.Central > Budget.Amount ? "over" : Forecast.High > Budget.Amount ? "at-risk" : "within";
}

/// <summary>Reads budget files: YAML <c>budgets: [{ clause|document, year, amount }]</c> or CSV headed as <see cref="ForecastTables.BudgetColumns"/> (条款或文件,年度,预算金额（万元）; the older <c>key,year,amount</c>, amounts in yuan, still reads).</summary>
public static class Budgets
{
    public static (IReadOnlyList<Budget>? Budgets, IReadOnlyList<CatalogError> Errors) Read(string file, string text, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return FromRows(file, ForecastTables.CsvRows(text), catalog);
        }

        var errors = new List<CatalogError>();
        var result = new List<Budget>();
        try
        {
            var root = TableFile.Yaml(file, text);
            foreach (var b in root.List("budgets"))
            {
                try
                {
                    var key = b.OptionalString("clause") ?? b.OptionalString("document") ?? throw b.Error("需要 clause 或 document / clause or document is required");
                    var year = b.String("year");
                    var amount = b.String("amount");
                    result.Add(new Budget(
                        Key(catalog, key) ?? throw b.Error($"目录中没有条款或文件“{key}”"),
                        int.TryParse(year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : throw b.Error($"年度“{year}”不是整数"),
                        ParamReader.TryParseAmount(amount, out var a) ? a : throw b.Error($"金额“{amount}”无效（如 5000万）"),
                        b.Line));
                    b.Done();
                }
                catch (CatalogException e)
                {
                    errors.Add(e.Error);
                }
            }

            root.Done();
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
        }

        return errors.Count == 0 ? (result, errors) : (null, errors);
    }

    /// <summary>
    /// Reads the budget table (<see cref="ForecastTables.BudgetColumns"/>: 条款或文件, 年度, 预算金额) from an xlsx's rows or a
    /// CSV's. Any wrong row: its faults by row and column, and no budgets.
    /// </summary>
    public static (IReadOnlyList<Budget>? Budgets, IReadOnlyList<CatalogError> Errors) FromRows(string file, IEnumerable<(int Row, object?[] Cells)> rows, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<CatalogError>();
        var result = new List<Budget>();
        foreach (var row in ForecastTables.Read(file, rows, ForecastTables.BudgetColumns, errors))
        {
            try
            {
                var name = row.Text(0) ?? throw row.Fault(0, "为空，须填写条款或文件（如 郑政〔2023〕23号第九条）");
                var key = Key(catalog, name) ?? throw row.Fault(0, $"目录中没有条款或文件“{name}”（写文号，如 郑政〔2023〕23号，或条款，如 郑政〔2023〕23号第九条）");
                result.Add(new Budget(key, row.Year(1), row.Amount(2), row.Row));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        return errors.Count == 0 ? (result, errors) : (null, errors);
    }

    /// <summary>The clause or document a budget names: by id, or as the bureaus cite it (文号, 文号+条, short name, full name).</summary>
    public static string? Key(PolicyCatalog catalog, string name)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var n = name.Trim();
        return catalog.ClausesById.ContainsKey(n) ? n
            : catalog.Document(n) is { } d ? d.Id
            : catalog.Clauses.FirstOrDefault(c => n == c.ArticleName || n == c.Name || n == c.ShortName)?.Id
              ?? catalog.Documents.FirstOrDefault(d => n == d.Name || n == d.FullName || n == d.ShortName || n == d.Number || n == d.Title)?.Id;
    }
}

/// <summary>
/// Next year's expected cost of the catalogue (or of a reformed one): each dossier's figures of the latest year
/// <c>Y</c> are carried into <c>Y+1</c> grown by the low, central and high assumptions, and year <c>Y+1</c> is
/// evaluated under each, beside the actual cost of year <c>Y</c>.
/// </summary>
/// <remarks>
/// What is projected: every figure of year Y (years, halves, quarters, months) whose Y+1 value is not already in the
/// dossier (ratios such as <c>peerProfitMargin</c> unchanged), and the year's spending and chain purchases. What is not
/// invented: titles, rankings, projects and premises count only when the dossier already dates them in Y+1 (the
/// pipeline the registry knows), so the title-based clauses are a floor. Training counts are carried unchanged.
/// </remarks>
public sealed class Forecast : IPopulationSink
{
    private const int KeptErrors = 20;
    private static readonly Band[] Bands = [Band.Low, Band.Central, Band.High];

    private readonly Scenario _scenario;
    private readonly GrowthAssumptions _growth;
    private readonly int _year;
    private readonly Dictionary<string, BandAmounts> _byClause = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BandAmounts> _byDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BandAmounts> _byDistrict = new(StringComparer.Ordinal);
    private readonly List<BadLine> _errors = [];
    private BandAmounts _total, _city, _district;
    private long _dossiers, _bad;

    /// <param name="scenario">The catalogue (or a reform of it) to forecast.</param>
    /// <param name="growth">The growth assumptions.</param>
    /// <param name="latestYear">The latest year with figures, Y; the forecast is for Y+1.</param>
    public Forecast(Scenario scenario, GrowthAssumptions growth, int latestYear)
    {
        _scenario = scenario;
        _growth = growth;
        _year = latestYear;
    }

    public void AddLines(IReadOnlyList<string> lines, long firstLine)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var slots = new (Dossier? Dossier, Answer[]? Answers, string? Error)[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return;
            }

            var read = DossierReader.Read(lines[i]);
            slots[i] = read.Ok ? Evaluate(read.Dossier!) : (null, null, read.Errors[0].ToString());
        });
        Collect(slots, firstLine);
    }

    public void AddDossiers(IReadOnlyList<Dossier> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var slots = new (Dossier? Dossier, Answer[]? Answers, string? Error)[dossiers.Count];
        Parallel.For(0, dossiers.Count, i => slots[i] = Evaluate(dossiers[i]));
        Collect(slots, 0);
    }

    private (Dossier?, Answer[]?, string?) Evaluate(Dossier d)
    {
        try
        {
            var answers = new Answer[4];
            answers[0] = _scenario.Evaluate(d, _year);
            for (var b = 0; b < Bands.Length; b++)
            {
                var band = Bands[b];
                answers[b + 1] = _scenario.Evaluate(Project(d, _year, m => _growth.Rate(d.District, m, band)), _year + 1);
            }

            return (d, answers, null);
        }
        catch (OverflowException)
        {
            return (null, null, $"{d.Uscc}: 数值过大，计算溢出 / a figure is too large to compute with");
        }
    }

    private void Collect((Dossier? Dossier, Answer[]? Answers, string? Error)[] slots, long firstLine)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            var (d, answers, error) = slots[i];
            if (error is not null)
            {
                _bad++;
                if (_errors.Count < KeptErrors)
                {
                    _errors.Add(new BadLine(firstLine == 0 ? 0 : firstLine + i, error));
                }

                continue;
            }

            if (d is null)
            {
                continue;
            }

            _dossiers++;
            for (var s = 0; s < answers!.Length; s++)
            {
                foreach (var a in answers[s].Awards)
                {
                    var amount = BandAmounts.Of(s, a.Amount);
                    Add(_byClause, a.Clause, amount);
                    Add(_byDocument, _scenario.Catalog.ClausesById.TryGetValue(a.Clause, out var c) ? c.Document.Id : a.Clause, amount);
                    Add(_byDistrict, d.District, amount);
                    _total += amount;
                    _city += BandAmounts.Of(s, a.CityShare);
                    _district += BandAmounts.Of(s, a.DistrictShare);
                }
            }
        }
    }

    private static void Add(Dictionary<string, BandAmounts> sums, string key, BandAmounts amount)
    {
        sums.TryGetValue(key, out var v);
        sums[key] = v + amount;
    }

    /// <summary>The dossier with year <paramref name="year"/>'s figures, spending and purchases carried into the next year at the given growth.</summary>
    public static Dossier Project(Dossier d, int year, Func<string, decimal> rate)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(rate);
        var figures = new Dictionary<string, IReadOnlyDictionary<Period, decimal>>(StringComparer.Ordinal);
        foreach (var metric in d.Figures.Metrics)
        {
            var series = d.Figures.Series(metric).ToDictionary(kv => kv.Key, kv => kv.Value);
            var factor = GrowthAssumptions.Ratios.Contains(metric) ? 1m : 1m + rate(metric);
            foreach (var (period, value) in series.Where(kv => kv.Key.Year == year).ToList())
            {
                series.TryAdd(period with { Year = year + 1 }, value * factor);
            }

            figures[metric] = series;
        }

        var spendingFactor = 1m + rate("spending");
        var spending = d.Spending.ToList();
        spending.AddRange(d.Spending.Where(s => s.Year == year && !d.Spending.Any(n => n.Year == year + 1 && n.Kind == s.Kind))
            .Select(s => s with { Year = year + 1, Amount = decimal.Floor(s.Amount * spendingFactor) }));
        var purchaseFactor = 1m + rate("procurement");
        var procurement = d.Procurement.ToList();
        if (!d.Procurement.Any(p => p.Year == year + 1))
        {
            procurement.AddRange(d.Procurement.Where(p => p.Year == year).Select(p => p with { Year = year + 1, Amount = decimal.Floor(p.Amount * purchaseFactor) }));
        }

        var training = d.Training.ToList();
        if (!d.Training.Any(t => t.Year == year + 1))
        {
            training.AddRange(d.Training.Where(t => t.Year == year).Select(t => t with { Year = year + 1 }));
        }

        return d with { Figures = new FigureTable(figures), Spending = spending, Procurement = procurement, Training = training };
    }

    /// <summary>The forecast of everything added so far, with the budgets of the forecast year set against it.</summary>
    public ForecastReport Report(IReadOnlyList<Budget>? budgets = null)
    {
        var order = _scenario.Catalog.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var districts = Vocabulary.Districts.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var checks = (budgets ?? []).Where(b => b.Year == _year + 1)
            .Select(b => new BudgetCheck(b, _byClause.TryGetValue(b.Key, out var c) ? c : _byDocument.GetValueOrDefault(b.Key)))
            .ToList();
        return new ForecastReport
        {
            LatestYear = _year,
            Year = _year + 1,
            Scenario = _scenario.Name,
            Growth = _growth,
            Dossiers = _dossiers,
            BadLines = _bad,
            Errors = _errors.ToList(),
            Total = _total,
            ByClause = _byClause.OrderBy(kv => order.GetValueOrDefault(kv.Key, int.MaxValue)).ToList(),
            ByDocument = _byDocument.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
            ByDistrict = _byDistrict.OrderBy(kv => districts.GetValueOrDefault(kv.Key, int.MaxValue)).ToList(),
            ByPayer = [new("city", _city), new("district", _district)],
            Budgets = checks,
            OtherYearBudgets = (budgets ?? []).Count(b => b.Year != _year + 1),
        };
    }
}

/// <summary>A forecast: the latest year's actual cost and next year's under the low, central and high assumptions.</summary>
public sealed record ForecastReport
{
    public required int LatestYear { get; init; }
    public required int Year { get; init; }
    public required string Scenario { get; init; }
    public required GrowthAssumptions Growth { get; init; }
    public required long Dossiers { get; init; }
    public required long BadLines { get; init; }
    public required IReadOnlyList<BadLine> Errors { get; init; }
    public required BandAmounts Total { get; init; }
    public required IReadOnlyList<KeyValuePair<string, BandAmounts>> ByClause { get; init; }
    public required IReadOnlyList<KeyValuePair<string, BandAmounts>> ByDocument { get; init; }
    public required IReadOnlyList<KeyValuePair<string, BandAmounts>> ByDistrict { get; init; }
    public required IReadOnlyList<KeyValuePair<string, BandAmounts>> ByPayer { get; init; }
    public required IReadOnlyList<BudgetCheck> Budgets { get; init; }

    /// <summary>Budget lines for other years than the forecast year, which were not compared.</summary>
    public required int OtherYearBudgets { get; init; }

    /// <summary>
    /// One band's figure in a sentence a reader checks: which year's figures it starts from, the growth it assumes (the
    /// default and each district's or metric's own), what is not projected, and what it yields beside the latest year.
    /// </summary>
    /// <param name="band">The band explained.</param>
    /// <param name="policy">What was evaluated: 现行政策 or the reform's title.</param>
    /// <param name="money">How the page writes an amount.</param>
    public string Explain(Band band, string policy, Func<decimal, string> money)
    {
        ArgumentNullException.ThrowIfNull(money);
        var name = band switch { Band.Low => "低", Band.High => "高", _ => "中" };
        var rate = band switch { Band.Low => Growth.Central - Growth.Spread, Band.High => Growth.Central + Growth.Spread, _ => Growth.Central };
        var how = band switch
        {
            Band.Low => $"（中值{Zh.Percent(Growth.Central)}减浮动{Zh.Percent(Growth.Spread)}）",
            Band.High => $"（中值{Zh.Percent(Growth.Central)}加浮动{Zh.Percent(Growth.Spread)}）",
            _ => "",
        };
        var rules = Growth.Rules.Count == 0 ? "" : "，其中" + string.Join("、", Growth.Rules.Select(r =>
            $"{r.District ?? ""}{(r.Metric is { } m ? ForecastTables.Metrics.GetValueOrDefault(m, m) : r.District is null ? "" : "各项数据")}按{Zh.Percent(RuleRate(r, band))}"));
        var amount = Total[band];
        var change = amount - Total.Latest;
        var compared = change == 0 ? $"与{LatestYear}年按同样方法测算的支出持平" : $"比{LatestYear}年按同样方法测算的{money(Total.Latest)}{(change > 0 ? "增加" : "减少")}{money(Math.Abs(change))}";
        return $"{name}：以登记库{Dossiers:N0}家企业{LatestYear}年的实际数据为基数，假设各项数据（收入、产值、纳税、各类费用和配套采购额）比{LatestYear}年增长{Zh.Percent(rate)}{how}{rules}，"
            + $"推算出{Year}年的数据，按{policy}逐家评估，预计{Year}年支出{money(amount)}，{compared}。称号、项目、榜单只计登记库中已注明{Year}年日期的。";
    }

    private decimal RuleRate(GrowthRule r, Band band) => band switch
    {
        Band.Low => r.Low ?? r.Central - Growth.Spread,
        Band.High => r.High ?? r.Central + Growth.Spread,
        _ => r.Central,
    };
}
