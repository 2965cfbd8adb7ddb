using System.Globalization;
using System.Text.RegularExpressions;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Supervision.Tasks;

/// <summary>
/// How a task of a document becomes lines of the ledger: which units report on it, and by when it is due. Read from
/// the document's own words, so the ledger changes only when the texts do.
/// </summary>
public static partial class TaskUnits
{
    /// <summary>
    /// The reporting units of a task: every lead unit; and, where the responsible units name the districts ("各开发区管委会
    /// 和县（市、区）政府", "区县（市）人民政府"), each of the 16 districts for its own part, or the districts named one by
    /// one (zzb2020-19/39). A district's own document (sj-sangao: "郑州市上街区…") has its departments report through
    /// that district.
    /// </summary>
    public static IReadOnlyList<(string Unit, string? District, bool Lead)> Of(PolicyDocument document, PolicyTask task)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(task);
        var own = OwnDistrict(document);
        var units = new List<(string Unit, string? District, bool Lead)>();
        foreach (var lead in task.Lead)
        {
            units.Add((lead, own ?? DistrictNamed(lead), true));
        }

        if (own is null)
        {
            var districts = new List<string>();
            foreach (var unit in task.Responsible)
            {
                if (AllDistricts(unit))
                {
                    districts.AddRange(Vocabulary.Districts);
                }
                else if (DistrictNamed(unit) is { } d)
                {
                    districts.Add(d);
                }
            }

            foreach (var d in districts.Distinct())
            {
                if (!units.Any(u => u.Unit == d))
                {
                    units.Add((d, d, false));
                }
            }
        }

        return units;
    }

    /// <summary>The district whose own document this is (its title names it), else null for a city document.</summary>
    public static string? OwnDistrict(PolicyDocument document) =>
        Vocabulary.Districts.FirstOrDefault(d => document?.Title.Contains(d, StringComparison.Ordinal) == true);

    private static bool AllDistricts(string unit) =>
        unit.Contains("县（市、区）", StringComparison.Ordinal) || unit.Contains("区县（市）", StringComparison.Ordinal) || unit.StartsWith("各开发区", StringComparison.Ordinal);

    /// <summary>"郑州高新区管委会" → 郑州高新区, "中牟县政府" → 中牟县.</summary>
    private static string? DistrictNamed(string unit) =>
        Vocabulary.Districts.FirstOrDefault(d => unit.StartsWith(d, StringComparison.Ordinal));

    /// <summary>
    /// The due month (完成时限) and its basis: a month or a year's end the task's text names ("到2021年底",
    /// "2020年6月底前", "2021-2023年" its last year), the latest when several; else December of the document's year
    /// (its window's first year; for a draft without a window, the first year its text names).
    /// </summary>
    public static (string Due, string Basis) DueOf(PolicyDocument document, PolicyTask task)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(task);
        (int Year, int Month, string Words)? best = null;
        foreach (Match m in DueWords().Matches(task.Text))
        {
            var year = int.Parse(m.Groups["to"].Success ? m.Groups["to"].Value : m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = m.Groups["month"].Success ? int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture) : 12;
            if (month is >= 1 and <= 12 && (best is null || (year, month).CompareTo((best.Value.Year, best.Value.Month)) > 0))
            {
                best = (year, month, m.Value);
            }
        }

        if (best is { } b)
        {
            return (Month(b.Year, b.Month), b.Words);
        }

        var documentYear = document.Window?.From.Year
            ?? (YearWords().Match(document.OriginalText) is { Success: true } y ? int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) : 2020);
        return (Month(documentYear, 12), $"未写明时限，按文件年度（{documentYear}年）年底");
    }

    public static string Month(int year, int month) => $"{year:D4}-{month:D2}";

    /// <summary>
    /// Words that set a time: "2021-2023年" (the range's end), "2020年6月" (a month), "到2025年", "2021年底"; a year
    /// named alone ("2020年转型发展攻坚") is not a deadline.
    /// </summary>
    [GeneratedRegex(@"(?<year>20\d\d)[-—至到](?<to>20\d\d)年|(?<year>20\d\d)年(?<month>\d{1,2})月|到(?<year>20\d\d)年|(?<year>20\d\d)年底")]
    private static partial Regex DueWords();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex YearWords();
}
