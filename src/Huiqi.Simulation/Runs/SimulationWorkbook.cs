using Huiqi.Engine.Model;
using Huiqi.Store.Import;

namespace Huiqi.Simulation.Runs;

/// <summary>
/// A simulation as an Excel workbook with Chinese headers (测算明细): 汇总 (totals by clause, district and payer), 变更 (each
/// change of the reform and the enterprises it altered) and 明细 (every award line the reform changes, with why).
/// Amounts are numbers in yuan, so the finance bureau can sum and pivot them.
/// </summary>
public static class SimulationWorkbook
{
    /// <summary>Rows one sheet holds, less its header.</summary>
    public const int SheetRows = 1_048_575;

    public const string SummarySheet = "汇总";
    public const string ChangesSheet = "变更";
    public const string DetailSheet = "明细";

    /// <summary>The changed lines, collected in population order while the simulation runs.</summary>
    public sealed class Detail
    {
        private readonly List<(string Uscc, string Name, string District, LineChange Line)> _rows = [];

        /// <summary>Lines beyond one sheet, which are counted and left out.</summary>
        public long Dropped { get; private set; }

        public IReadOnlyList<(string Uscc, string Name, string District, LineChange Line)> Rows => _rows;

        public void Add(Dossier d, LineChange line)
        {
            ArgumentNullException.ThrowIfNull(d);
            if (_rows.Count < SheetRows)
            {
                _rows.Add((d.Uscc, d.Name, d.District, line));
            }
            else
            {
                Dropped++;
            }
        }
    }

    public static byte[] Write(SimulationReport report, Detail detail, Func<string, string> clauseTitle)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(clauseTitle);
        var summary = new List<Dictionary<string, object?>>();
        void Add(string kind, string key, string name, Amounts a) => summary.Add(new()
        {
            ["类别"] = kind, ["项目"] = key, ["名称"] = name, ["现行（元）"] = a.Baseline, ["调整后（元）"] = a.Reform, ["增减（元）"] = a.Delta,
        });
        Add("合计", report.ReformId, report.Title, report.Total);
        foreach (var (k, a) in report.ByClause)
        {
            Add("条款", k, clauseTitle(k), a);
        }

        foreach (var (k, a) in report.ByDistrict)
        {
            Add("区县", k, k, a);
        }

        foreach (var (k, a) in report.ByPayer)
        {
            Add("出资方", k, Payer(k), a);
        }

        foreach (var (k, a) in report.DistrictShares)
        {
            Add("区县财政承担", k, k, a);
        }

        var changes = report.Changes.Select(c => new Dictionary<string, object?>
        {
            ["序号"] = c.Index + 1, ["位置"] = $"{c.Change.File}:{c.Change.Line}", ["变更内容"] = c.Change.Describe(), ["影响企业数"] = c.Affected,
        }).ToList();
        return Workbooks.Bytes(
        [
            (SummarySheet, summary),
            (ChangesSheet, changes),
            (DetailSheet, detail.Rows.Count == 0 ? [DetailColumns.ToDictionary(c => c, _ => (object?)null)] : detail.Rows.Select(Row)),
        ]);
    }

    /// <summary>The payer of a share, in Chinese: 市级财政 or 区县财政 (interpretation.md rule 9).</summary>
    public static string Payer(string key) => key switch
    {
        "city" => "市级财政",
        "district" => "区县财政",
        _ => key,
    };

    private static readonly string[] DetailColumns =
        ["统一社会信用代码", "企业名称", "所属区县", "条款", "事项", "现行（元）", "调整后（元）", "增减（元）", "市级现行（元）", "市级调整后（元）", "区县现行（元）", "区县调整后（元）", "理由"];

    private static Dictionary<string, object?> Row((string Uscc, string Name, string District, LineChange Line) r) => new()
    {
        [DetailColumns[0]] = r.Uscc,
        [DetailColumns[1]] = r.Name,
        [DetailColumns[2]] = r.District,
        [DetailColumns[3]] = r.Line.Clause,
        [DetailColumns[4]] = r.Line.Item,
        [DetailColumns[5]] = r.Line.Amount.Baseline,
        [DetailColumns[6]] = r.Line.Amount.Reform,
        [DetailColumns[7]] = r.Line.Amount.Delta,
        [DetailColumns[8]] = r.Line.City.Baseline,
        [DetailColumns[9]] = r.Line.City.Reform,
        [DetailColumns[10]] = r.Line.District.Baseline,
        [DetailColumns[11]] = r.Line.District.Reform,
        [DetailColumns[12]] = r.Line.Reason,
    };
}
