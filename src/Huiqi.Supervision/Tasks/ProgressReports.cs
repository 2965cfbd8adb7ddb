using Huiqi.Engine.Model;
using Huiqi.Store.Import;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Tasks;

/// <summary>One month's progress of one unit on one task, as a form or a spreadsheet row gives it.</summary>
public sealed record ProgressInput(string TaskId, string Unit, string Month, string Status, int Percent, string Text);

/// <summary>
/// Monthly progress reports (月度进展填报): one at a time from the form, or many from an xlsx made from the template.
/// A spreadsheet is all or nothing: every bad row is reported with its row, column and reason in Chinese, and then
/// nothing is written. Only units the reporter may report for are accepted; a report for a month already reported
/// replaces it.
/// </summary>
public sealed class ProgressReports(IDbContextFactory<TaskLedgerDbContext> contexts, TimeProvider clock)
{
    public const string Sheet = "进展填报";

    /// <summary>The template's columns, in order; 任务名称 is there to read and is not imported.</summary>
    public static readonly IReadOnlyList<string> Columns = ["任务编号", "任务名称", "填报单位", "月份", "进展状态", "完成进度（%）", "进展情况"];

    /// <summary>Records one report, or refuses it in Chinese (<see cref="LedgerException"/>).</summary>
    public async Task RecordAsync(Actor reporter, ProgressInput input, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var units = await UnitsAsync(db, reporter, cancel);
        var problems = new List<(string Column, string Reason)>();
        var row = Check(reporter, units, input.TaskId, input.Unit, input.Month, input.Status, input.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), input.Text, problems);
        if (row is null)
        {
            throw new LedgerException(string.Join("；", problems.Select(p => $"{p.Column}：{p.Reason}")));
        }

        await WriteAsync(db, [row], reporter.User, cancel);
    }

    /// <summary>
    /// Reads an xlsx of reports. Rows whose status, percent and text are all empty are skipped (the template lists every
    /// line the reporter may fill). Returns the issues (nothing written when there is any) and how many were written.
    /// </summary>
    public async Task<(IReadOnlyList<ImportIssue> Errors, int Written)> ImportAsync(Actor reporter, Stream xlsx, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        var sheet = await UploadSheet.OpenAsync(xlsx, ImportLimits.TaskProgress, Columns.Where(c => c != "任务名称"), cancel);
        var errors = new List<ImportIssue>();
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var units = await UnitsAsync(db, reporter, cancel);
        var rows = new List<LedgerProgressRow>();
        var seen = new Dictionary<(int, string), int>();
        // Columns are found by their header, so a sheet with columns moved still reads.
        foreach (var r in sheet.Rows())
        {
            string? Cell(string column) => Cells.Text(r[column]);
            if (Cell("进展状态") is null && Cell("完成进度（%）") is null && Cell("进展情况") is null)
            {
                continue;
            }

            var problems = new List<(string Column, string Reason)>();
            var row = Check(reporter, units, Cell("任务编号"), Cell("填报单位"), Cell("月份"), Cell("进展状态"), Cell("完成进度（%）"), Cell("进展情况"), problems);
            foreach (var (column, reason) in problems)
            {
                errors.Add(new ImportIssue(Sheet, r.Number, $"{column}（{r.Letter(column)}列）", Cell(column), reason));
            }

            if (row is not null)
            {
                if (seen.TryGetValue((row.AssignmentId, row.Month), out var earlier))
                {
                    errors.Add(new ImportIssue(Sheet, r.Number, $"任务编号（{r.Letter("任务编号")}列）", Cell("任务编号"), $"与第{earlier}行是同一任务、同一单位、同一月份，请只保留一行"));
                }
                else
                {
                    seen[(row.AssignmentId, row.Month)] = r.Number;
                    rows.Add(row);
                }
            }
        }

        if (sheet.Refusal is not null)
        {
            return ([new ImportIssue(Sheet, sheet.RefusalRow, "", null, sheet.Refusal)], 0);
        }

        if (errors.Count > 0)
        {
            return (errors, 0);
        }

        if (rows.Count == 0)
        {
            return ([new ImportIssue(Sheet, 0, "", null, "表格中没有填写任何进展（进展状态、完成进度、进展情况均为空）")], 0);
        }

        await WriteAsync(db, rows, reporter.User, cancel);
        return ([], rows.Count);
    }

    /// <summary>The template: one row per line the reporter may report for, the month filled in, the rest to fill.</summary>
    public static byte[] Template(IEnumerable<TaskLine> lines, string month)
    {
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            ["任务编号"] = l.TaskId,
            ["任务名称"] = l.Title,
            ["填报单位"] = l.Unit,
            ["月份"] = month,
            ["进展状态"] = null,
            ["完成进度（%）"] = null,
            ["进展情况"] = null,
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        }

        return Workbooks.Bytes(rows, Sheet);
    }

    private sealed record Line(int Id, string TaskId, string Unit, string? District);

    private static async Task<Dictionary<(string, string), Line>> UnitsAsync(TaskLedgerDbContext db, Actor reporter, CancellationToken cancel) =>
        (await db.Assignments.AsNoTracking().Reportable(reporter).Select(a => new Line(a.Id, a.TaskId, a.Unit, a.District)).ToListAsync(cancel))
            .ToDictionary(u => (u.TaskId, u.Unit));

    /// <summary>Checks one report's fields; the row to write, or null with the problems (column, reason) added.</summary>
    private LedgerProgressRow? Check(Actor reporter, Dictionary<(string, string), Line> units, string? taskId, string? unit, string? monthText, string? statusText, string? percentText, string? text, List<(string, string)> problems)
    {
        Line? line = null;
        if (string.IsNullOrWhiteSpace(taskId))
        {
            problems.Add(("任务编号", "请填写任务编号（如 zzb2020-19/12）"));
        }
        else if (string.IsNullOrWhiteSpace(unit))
        {
            problems.Add(("填报单位", "请填写填报单位"));
        }
        else if (!units.TryGetValue((taskId.Trim(), unit.Trim()), out line))
        {
            problems.Add(("填报单位", reporter.ReportsAny() ? $"无权为“{unit}”填报任务“{taskId}”，或该任务没有此单位" : "当前账号不能填报任务进展"));
        }

        var thisMonth = Months.Of(BeijingTime.Of(clock.GetUtcNow()));
        var month = Months.Parse(monthText);
        if (month is null)
        {
            problems.Add(("月份", "月份应写作 2024-03 或 2024年3月"));
        }
        else if (string.CompareOrdinal(month, thisMonth) > 0)
        {
            problems.Add(("月份", $"不能填报未来月份（本月为{Months.Chinese(thisMonth)}）"));
        }

        var status = ProgressStatus.Parse(statusText?.Trim());
        if (status is null)
        {
            problems.Add(("进展状态", "进展状态应为：未开始、推进中、已完成、停滞之一"));
        }

        var percentOk = int.TryParse(percentText?.Trim().TrimEnd('%', '％'), out var percent) && percent is >= 0 and <= 100;
        if (!percentOk)
        {
            problems.Add(("完成进度（%）", "完成进度应为0到100的整数"));
        }
        else if (status == ProgressStatus.Done && percent != 100)
        {
            problems.Add(("完成进度（%）", "状态为已完成时，完成进度应为100"));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            problems.Add(("进展情况", "请填写进展情况（不超过2000字）"));
        }

        return problems.Count > 0 || line is null
            ? null
            : new LedgerProgressRow { AssignmentId = line.Id, Month = month!, Status = status!, Percent = percent, Text = text!.Trim() };
    }

    /// <summary>Writes the rows in one transaction, each replacing the same unit's report of the same month.</summary>
    private async Task WriteAsync(TaskLedgerDbContext db, IReadOnlyList<LedgerProgressRow> rows, string user, CancellationToken cancel)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var ids = rows.Select(r => r.AssignmentId).Distinct().ToList();
        var months = rows.Select(r => r.Month).Distinct().ToList();
        var existing = await db.Progress.Where(p => ids.Contains(p.AssignmentId) && months.Contains(p.Month)).ToDictionaryAsync(p => (p.AssignmentId, p.Month), cancel);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in rows)
        {
            if (!existing.TryGetValue((r.AssignmentId, r.Month), out var row))
            {
                row = new LedgerProgressRow { AssignmentId = r.AssignmentId, Month = r.Month };
                db.Progress.Add(row);
            }

            row.Status = r.Status;
            row.Percent = r.Percent;
            row.Text = r.Text;
            row.ReportedBy = user;
            row.ReportedAt = now;
        }

        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
    }
}
