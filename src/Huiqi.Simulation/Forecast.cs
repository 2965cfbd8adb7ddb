using System.Globalization;
using Huiqi.Engine.Catalog;
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

    private static readonly string[] ExtraMetrics = ["spending", "procurement"];

    /// <summary>
    /// Reads a growth file: YAML (<c>default: { central: 8%, spread: 4% }</c> and <c>growth:</c> a list of
    /// <c>{ district?, metric?, central, low?, high? }</c>) or CSV with the header <c>district,metric,central,low,high</c>.
    /// </summary>
    public static (GrowthAssumptions? Growth, IReadOnlyList<CatalogError> Errors) Read(string file, string text, decimal central, decimal spread)
    {
        var errors = new List<CatalogError>();
        var rules = new List<GrowthRule>();
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (line, cells) in TableFile.Csv(text, ["district", "metric", "central", "low", "high"], file, errors))
            {
                try
                {
                    rules.Add(Rule(file, line, cells[0], cells[1], cells[2], cells[3], cells[4]));
                }
                catch (CatalogException e)
                {
                    errors.Add(e.Error);
                }
            }
        }
        else
        {
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
                        rules.Add(Rule(file, g.Line, g.OptionalString("district"), g.OptionalString("metric"), g.String("central"), g.OptionalString("low"), g.OptionalString("high")));
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
        }

        return errors.Count == 0 ? (new GrowthAssumptions(central, spread, rules), errors) : (null, errors);
    }

    private static GrowthRule Rule(string file, int line, string? district, string? metric, string? central, string? low, string? high)
    {
        if (district is not null && !Vocabulary.Districts.Contains(district))
        {
            throw new CatalogException(file, line, $"“{district}”不是郑州市的区县（市） / '{district}' is not a district");
        }

        if (metric is not null && !Vocabulary.Metrics.ContainsKey(metric) && !ExtraMetrics.Contains(metric))
        {
            throw new CatalogException(file, line, $"“{metric}”不是已知的指标，可选：{string.Join("、", Vocabulary.Metrics.Keys.Concat(ExtraMetrics))} / unknown metric '{metric}'");
        }

        decimal? R(string? text, string name) => text is null or "" ? null
            : ParamReader.TryParseRate(text, out var v) ? v : throw new CatalogException(file, line, $"{name}“{text}”不是比例（如 8% 或 0.08） / {name} '{text}' is not a rate");
        return new GrowthRule(district, metric, R(central, "central") ?? throw new CatalogException(file, line, "缺少 central / central is required"), R(low, "low"), R(high, "high"), line);
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

/// <summary>Reads budget files: YAML <c>budgets: [{ clause|document, year, amount }]</c> or CSV <c>key,year,amount</c>.</summary>
public static class Budgets
{
    public static (IReadOnlyList<Budget>? Budgets, IReadOnlyList<CatalogError> Errors) Read(string file, string text, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<CatalogError>();
        var result = new List<Budget>();
        void Add(string key, string year, string amount, int line)
        {
            if (!catalog.ClausesById.ContainsKey(key) && catalog.Document(key) is null)
            {
                throw new CatalogException(file, line, $"目录中没有条款或文件“{key}” / no clause or document '{key}' in the catalogue");
            }

            if (!int.TryParse(year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
            {
                throw new CatalogException(file, line, $"年度“{year}”不是整数 / year '{year}' is not a whole number");
            }

            if (!ParamReader.TryParseAmount(amount, out var a))
            {
                throw new CatalogException(file, line, $"金额“{amount}”无效（如 5000万） / amount '{amount}' is not an amount");
            }

            result.Add(new Budget(key, y, a, line));
        }

        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (line, cells) in TableFile.Csv(text, ["key", "year", "amount"], file, errors))
            {
                try
                {
                    Add(cells[0] ?? "", cells[1] ?? "", cells[2] ?? "", line);
                }
                catch (CatalogException e)
                {
                    errors.Add(e.Error);
                }
            }
        }
        else
        {
            try
            {
                var root = TableFile.Yaml(file, text);
                foreach (var b in root.List("budgets"))
                {
                    try
                    {
                        var key = b.OptionalString("clause") ?? b.OptionalString("document") ?? throw b.Error("需要 clause 或 document / clause or document is required");
                        Add(key, b.String("year"), b.String("amount"), b.Line);
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
        }

        return errors.Count == 0 ? (result, errors) : (null, errors);
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
}
