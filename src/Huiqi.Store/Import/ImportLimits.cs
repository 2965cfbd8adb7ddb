using System.Globalization;

namespace Huiqi.Store.Import;

/// <summary>The kinds of xlsx import the platform takes, each with its own <see cref="ImportLimits"/>.</summary>
public enum ImportKind
{
    /// <summary>区县月报 (/monitoring/reports).</summary>
    MonthlyReports,

    /// <summary>重点企业月度指标 (/monitoring/watchlist).</summary>
    Watchlist,

    /// <summary>任务月度进展 (/tasks/report).</summary>
    TaskProgress,

    /// <summary>企业登记库数据表 (<c>huiqi import</c>).</summary>
    Registry,
}

/// <summary>
/// The bounds of one kind of import (导入上限): the largest file taken, the most data rows a sheet may hold, and how
/// many errors a page lists before pointing to the downloadable list. A file over a bound is refused before it is read
/// further, never loaded whole and then judged.
/// </summary>
public sealed record ImportLimits(ImportKind Kind, string Title, long MaxBytes, int MaxRows)
{
    /// <summary>Errors a page lists; the rest are counted, and the whole list is a download.</summary>
    public const int ShownErrors = 100;

    /// <summary>
    /// Blank rows in a row after which a sheet is taken to have ended. Excel keeps a row formatted down to 1,048,576 as
    /// a row element; walking a million of those took 5.8 s, and no template leaves a thousand blank lines inside a table.
    /// </summary>
    public const int BlankRunEnd = 1000;

    private const long MiB = 1024 * 1024;

    /// <summary>
    /// 16 districts and the city (17 scopes) × at most 20 reported indicators × 12 months = 4,080: a whole year for the
    /// whole city in one sheet fits, and a template is one month of one scope.
    /// </summary>
    public static readonly ImportLimits MonthlyReports = new(ImportKind.MonthlyReports, "区县月报", 5 * MiB, 4_080);

    /// <summary>
    /// The watchlists hold the city's leading enterprises and 20–30 backbone enterprises per district: at most about 600
    /// enterprises × 5 indicators = 3,000 rows a month; 10,000 takes a quarter of the largest list at once.
    /// </summary>
    public static readonly ImportLimits Watchlist = new(ImportKind.Watchlist, "重点企业月度指标", 5 * MiB, 10_000);

    /// <summary>One row per task and unit of a month: the ledger's lines are a few hundred, 5,000 leaves room for years.</summary>
    public static readonly ImportLimits TaskProgress = new(ImportKind.TaskProgress, "任务进展填报", 5 * MiB, 5_000);

    /// <summary>
    /// The registry's fact tables: the 3,000-enterprise demo city exports as one 3.2 MB workbook whose largest sheet (经营
    /// 指标) has 77,235 rows; the import benchmark reads 200,000 figure rows from 9.6 MB. 50 MB and 500,000 rows a sheet
    /// take the whole city many times over and keep a check pass within a minute or two.
    /// </summary>
    public static readonly ImportLimits Registry = new(ImportKind.Registry, "企业数据表", 50 * MiB, 500_000);

    public static ImportLimits Of(ImportKind kind) => kind switch
    {
        ImportKind.MonthlyReports => MonthlyReports,
        ImportKind.Watchlist => Watchlist,
        ImportKind.TaskProgress => TaskProgress,
        ImportKind.Registry => Registry,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The size cap as people write it: "5 MB" (a cap that is not whole megabytes in KB).</summary>
    public string Size => MaxBytes % MiB == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / MiB} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / 1024} KB");

    /// <summary>The caps as an upload form states them.</summary>
    public string Hint => string.Create(CultureInfo.InvariantCulture, $"文件不超过 {Size}，数据不超过 {MaxRows:N0} 行");

    /// <summary>Why a file over the size cap is refused.</summary>
    public string TooLarge => $"文件超过{Title}的大小上限 {Size}，已停止读取，未导入任何数据；请删去多余内容或分批上传";

    /// <summary>Why a sheet over the row cap is refused.</summary>
    public string TooManyRows => string.Create(CultureInfo.InvariantCulture, $"表格超过{Title}的行数上限：每个工作表最多 {MaxRows:N0} 行数据，已停止读取，未导入任何数据；请分批导入");
}
