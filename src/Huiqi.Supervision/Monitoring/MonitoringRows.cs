namespace Huiqi.Supervision.Monitoring;

/// <summary>A row whose every change is written to <see cref="MonitoringAuditRow"/>, under its natural key.</summary>
public interface IAudited
{
    /// <summary>What identifies the row to a reader of the audit log, e.g. <c>金水区/规上工业增加值增速/2020-06</c>.</summary>
    string AuditKey { get; }
}

/// <summary>
/// A district's monthly report of one indicator (区县月报): the cumulative figure of the year up to and including the
/// month (1–M月累计), as statistics offices publish it, e.g. 规上工业增加值 1–6月累计增速 6.8%. One row per district,
/// indicator, year and month; a second report of the same month replaces the first (the audit log keeps both).
/// </summary>
public sealed class IndicatorReportRow : IAudited
{
    public long Id { get; set; }

    /// <summary>The district's name (金水区 …), or <c>city</c> for the city's own figures (全市).</summary>
    public string District { get; set; } = "";

    /// <summary>The indicator as the catalogue names it (<c>规上工业增加值增速</c>).</summary>
    public string Indicator { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1–12: the last month the cumulative figure covers.</summary>
    public int Month { get; set; }

    public decimal Value { get; set; }

    /// <summary>The unit of <see cref="Value"/> (%, 户, 亿元 …), as the target's.</summary>
    public string Unit { get; set; } = "";

    public string ReportedBy { get; set; } = "";

    public DateTime ReportedAt { get; set; }

    public string AuditKey => $"{District}/{Indicator}/{Year}-{Month:00}";
}

/// <summary>
/// An enterprise on a key-enterprise watchlist (重点企业监测名单): the city's leading enterprises (龙头企业,
/// <see cref="Level"/> <c>city</c>) or a district's 20–30 backbone enterprises (骨干企业). Removal keeps the row with
/// its reason; adding the enterprise again makes a new row, so the list's history stays readable.
/// </summary>
public sealed class WatchEntryRow : IAudited
{
    public const string CityLevel = "city";

    public long Id { get; set; }

    /// <summary><c>city</c> for the city's list, else the district whose list it is.</summary>
    public string Level { get; set; } = "";

    public string Uscc { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The enterprise's district (for scope: a district bureau sees the entries of its enterprises).</summary>
    public string District { get; set; } = "";

    public string Reason { get; set; } = "";

    public string AddedBy { get; set; } = "";

    public DateTime AddedAt { get; set; }

    public string? RemovedBy { get; set; }

    public DateTime? RemovedAt { get; set; }

    public string? RemovalReason { get; set; }

    public string AuditKey => $"{Level}/{Uscc}";
}

/// <summary>
/// One monthly indicator of a watched enterprise (重点企业月度指标), e.g. 营业收入 of the month in 万元: the figure of
/// that month alone, so month-on-month and year-on-year changes compare like with like.
/// </summary>
public sealed class EnterpriseIndicatorRow : IAudited
{
    public long Id { get; set; }

    public string Uscc { get; set; } = "";

    public string District { get; set; } = "";

    public string Indicator { get; set; } = "";

    public int Year { get; set; }

    public int Month { get; set; }

    public decimal Value { get; set; }

    public string ReportedBy { get; set; } = "";

    public DateTime ReportedAt { get; set; }

    public string AuditKey => $"{Uscc}/{Indicator}/{Year}-{Month:00}";
}

/// <summary>
/// The fall the city bureau tolerates before it is warned (预警阈值): a drop of more than <see cref="DropPercent"/>
/// percent month on month or year on year. <see cref="Indicator"/> <c>*</c> is the default for every indicator.
/// </summary>
public sealed class ThresholdRow : IAudited
{
    public const string Default = "*";

    public string Indicator { get; set; } = Default;

    public decimal DropPercent { get; set; }

    public string SetBy { get; set; } = "";

    public DateTime SetAt { get; set; }

    public string AuditKey => Indicator;
}

/// <summary>Who changed which monitoring row, when, from what to what (one line per insert, update or delete).</summary>
public sealed class MonitoringAuditRow
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Table { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The changed columns before, as JSON; null for an insert.</summary>
    public string? Old { get; set; }

    /// <summary>The changed columns after, as JSON; null for a delete.</summary>
    public string? New { get; set; }
}
