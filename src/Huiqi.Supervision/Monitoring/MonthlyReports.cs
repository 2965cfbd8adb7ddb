using System.Globalization;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store.Import;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Monitoring;

/// <summary>One figure a district reports (a form field or a spreadsheet row).</summary>
public sealed record ReportInput(string District, string Indicator, int Year, int Month, decimal Value);

/// <summary>Why a row or field was refused: where it is (row and column of the sheet) and the reason, in Chinese.</summary>
public sealed record RowError(int Row, string Column, string Value, string Reason) : IRowError
{
    /// <summary>A refusal of the whole file or sheet (too large, too many rows, unreadable), at the row where reading stopped.</summary>
    public static RowError Refused(UploadSheet sheet) => new(sheet?.RefusalRow ?? 0, "", "", sheet?.Refusal ?? "");

    public override string ToString()
    {
        var at = (Row > 0 ? $"第 {Row} 行" : "") + (Column.Length == 0 ? "" : Row > 0 ? $"「{Column}」列" : $"「{Column}」") + (Value.Length == 0 ? "" : $"（{Value}）");
        return at.Length == 0 ? Reason : $"{at}：{Reason}";
    }
}

/// <summary>The result of saving reports: how many were written, or why none were.</summary>
public sealed record SaveResult(int Inserted, int Updated, IReadOnlyList<RowError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Districts' monthly reports (区县月报) of the indicators their targets need: saved from a form or an xlsx, all or
/// nothing (one transaction; a single bad row writes nothing and every bad row is named), one row per district,
/// indicator and month (a new figure replaces the old, the audit log keeps both). A district's reviewer reports for
/// its own district only; the city (<c>allowed</c> null) for any district and for the city itself.
/// </summary>
public sealed class MonthlyReports(PolicyCatalog catalog, MonitoringDatabase monitoring, TimeProvider clock)
{
    /// <summary>The template's and the upload's column headers, in order.</summary>
    public static readonly string[] Columns = ["区县", "指标", "单位", "年度", "月份", "1至本月累计值"];

    /// <summary>The city's own figures are filed under this name in the form and the sheet.</summary>
    public const string CityName = "全市";

    /// <summary>Checks and saves <paramref name="inputs"/> as <paramref name="actor"/>; <paramref name="allowed"/> is the only district allowed, or null for the city.</summary>
    public async Task<SaveResult> SaveAsync(IReadOnlyList<(int Row, ReportInput Input)> inputs, string? allowed, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new List<RowError>();
        foreach (var (row, x) in inputs)
        {
            errors.AddRange(Check(row, x, allowed));
        }

        foreach (var dup in inputs.GroupBy(i => (i.Input.District, i.Input.Indicator, i.Input.Year, i.Input.Month)).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(dup.Skip(1).First().Row, "指标", dup.Key.Indicator, $"与第 {dup.First().Row} 行重复（同一区县、指标、年月只能报一个数）"));
        }

        if (errors.Count > 0)
        {
            return new SaveResult(0, 0, errors);
        }

        await using var db = monitoring.CreateDbContext(actor);
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        int inserted = 0, updated = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (_, x) in inputs)
        {
            var key = Key(x.District);
            var row = await db.Reports.SingleOrDefaultAsync(r => r.District == key && r.Indicator == x.Indicator && r.Year == x.Year && r.Month == x.Month, cancel);
            if (row is null)
            {
                db.Reports.Add(new IndicatorReportRow { District = key, Indicator = x.Indicator, Year = x.Year, Month = x.Month, Value = x.Value, Unit = UnitOf(key, x.Indicator)!, ReportedBy = actor, ReportedAt = now });
                inserted++;
            }
            else if (row.Value != x.Value)
            {
                row.Value = x.Value;
                row.ReportedBy = actor;
                row.ReportedAt = now;
                updated++;
            }
        }

        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
        return new SaveResult(inserted, updated, []);
    }

    /// <summary>Reads an uploaded sheet (the template's columns) within <see cref="ImportLimits.MonthlyReports"/> and saves it all or nothing.</summary>
    public async Task<SaveResult> ImportAsync(Stream xlsx, string? allowed, string actor, CancellationToken cancel = default)
    {
        var (rows, errors) = Read(await UploadSheet.OpenAsync(xlsx, ImportLimits.MonthlyReports, Columns, cancel));
        return errors.Count > 0 ? new SaveResult(0, 0, errors) : await SaveAsync(rows, allowed, actor, cancel);
    }

    /// <summary>The rows of a sheet, or what is wrong with them (sheet row numbers: the header is row 1).</summary>
    public static (List<(int Row, ReportInput Input)> Rows, List<RowError> Errors) Read(UploadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = new List<(int, ReportInput)>();
        var errors = new List<RowError>();
        foreach (var r in sheet.Rows())
        {
            var n = r.Number;
            string Text(string c) => Convert.ToString(r[c], CultureInfo.InvariantCulture)?.Trim() ?? "";
            var value = Text("1至本月累计值");
            if (value.Length == 0)
            {
                // A template row left blank: the indicator is not reported this month, which is allowed.
                continue;
            }

            var ok = true;
            int Int(string c)
            {
                if (int.TryParse(Text(c), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || (decimal.TryParse(Text(c), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue && (v = (int)d) == d))
                {
                    return v;
                }

                errors.Add(new RowError(n, c, Text(c), "应为整数"));
                ok = false;
                return 0;
            }

            var year = Int("年度");
            var month = Int("月份");
            if (!decimal.TryParse(value.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add(new RowError(n, "1至本月累计值", value, "应为数字（百分比填数字本身，如 6.5）"));
                ok = false;
            }

            if (ok)
            {
                rows.Add((n, new ReportInput(Text("区县"), Text("指标"), year, month, number)));
            }
        }

        return sheet.Refusal is null ? (rows, errors) : ([], [RowError.Refused(sheet)]);
    }

    /// <summary>Why one figure cannot be saved (none when it can).</summary>
    public IEnumerable<RowError> Check(int row, ReportInput x, string? allowed)
    {
        ArgumentNullException.ThrowIfNull(x);
        var isCity = x.District == CityName;
        if (!isCity && !Vocabulary.Districts.Contains(x.District))
        {
            yield return new RowError(row, "区县", x.District, "不是郑州市的区县（应与附件1的写法一致，如 金水区）");
            yield break;
        }

        if (allowed is not null && x.District != allowed)
        {
            yield return new RowError(row, "区县", x.District, $"只能报送本区县（{allowed}）的指标");
            yield break;
        }

        if (UnitOf(Key(x.District), x.Indicator) is null)
        {
            yield return new RowError(row, "指标", x.Indicator, $"不是{x.District}需要报送的指标（可报：{string.Join("、", TargetBoard.ReportedIndicators(catalog, Key(x.District)).Select(i => i.Indicator))}）");
        }

        if (x.Year is < 2020 or > 2030)
        {
            yield return new RowError(row, "年度", x.Year.ToString(CultureInfo.InvariantCulture), "应在 2020 至 2030 年之间");
        }
        else if (x.Month is < 1 or > 12)
        {
            yield return new RowError(row, "月份", x.Month.ToString(CultureInfo.InvariantCulture), "应为 1 至 12");
        }
        else if (new DateOnly(x.Year, x.Month, 1) > clock.Today())
        {
            yield return new RowError(row, "月份", $"{x.Year}-{x.Month:00}", "不能报送尚未开始的月份");
        }

        if (Math.Abs(x.Value) > 1_000_000_000m)
        {
            yield return new RowError(row, "1至本月累计值", x.Value.ToString(CultureInfo.InvariantCulture), "数值过大，请检查单位");
        }
    }

    /// <summary>A blank sheet for a district (or the city) and month: one row per indicator it reports, the value left to fill.</summary>
    public byte[] Template(string district, int year, int month)
    {
        var rows = TargetBoard.ReportedIndicators(catalog, Key(district))
            .Select(i => new Dictionary<string, object?>
            {
                [Columns[0]] = district, [Columns[1]] = i.Indicator, [Columns[2]] = i.Unit, [Columns[3]] = year, [Columns[4]] = month, [Columns[5]] = null,
            })
            .ToList();
        return Workbooks.Bytes(rows, "月报");
    }

    /// <summary>The reports in scope (a district, or the whole city when <paramref name="district"/> is null), newest first.</summary>
    public async Task<IReadOnlyList<IndicatorReportRow>> ListAsync(string? district, CancellationToken cancel = default)
    {
        await using var db = monitoring.CreateDbContext("system");
        var q = db.Reports.AsNoTracking();
        if (district is not null)
        {
            var key = Key(district);
            q = q.Where(r => r.District == key);
        }

        return await q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.District).ThenBy(r => r.Indicator).ToListAsync(cancel);
    }

    /// <summary>The stored key of a district's name: <c>city</c> for 全市.</summary>
    public static string Key(string district) => district == CityName ? "city" : district;

    private string? UnitOf(string scope, string indicator) =>
        TargetBoard.ReportedIndicators(catalog, scope).FirstOrDefault(i => i.Indicator == indicator) is { Indicator: not null } found ? found.Unit : null;
}
