namespace Huiqi.Supervision.Tasks;

/// <summary>
/// A task of a document (重点任务) in the ledger, loaded from the catalogue (<c>TaskExtractor</c>) with its units and a
/// due month: the month its text names, else the end of the document's year.
/// </summary>
public sealed class LedgerTaskRow
{
    /// <summary><c>zzb2020-19/12</c>, <c>sj-sangao/5.1</c>.</summary>
    public string Id { get; set; } = "";

    public string Document { get; set; } = "";

    /// <summary>Order within the ledger (document, then task).</summary>
    public int Seq { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>牵头单位, joined with 、.</summary>
    public string Lead { get; set; } = "";

    /// <summary>责任单位, joined with 、.</summary>
    public string Responsible { get; set; } = "";

    /// <summary>完成时限, <c>YYYY-MM</c>.</summary>
    public string Due { get; set; } = "";

    /// <summary>Where the due month comes from: the text's words (“到2021年底”), or “文件年度年底”.</summary>
    public string DueBasis { get; set; } = "";

    /// <summary>When the ledger first held the task (UTC): a task never reported is stalled only N months after.</summary>
    public DateTime LoadedAt { get; set; }

    public List<LedgerAssignmentRow> Assignments { get; set; } = [];
}

/// <summary>
/// A unit that reports on a task (填报单位): a lead unit (a city department, or a Shangjie department for the district's
/// own document) or a district named responsible. <see cref="District"/> says whose reviewers report for it; null is a
/// city unit.
/// </summary>
public sealed class LedgerAssignmentRow
{
    public int Id { get; set; }

    public string TaskId { get; set; } = "";

    public LedgerTaskRow? Task { get; set; }

    public string Unit { get; set; } = "";

    public string? District { get; set; }

    /// <summary>The unit leads the task (牵头); else it is a district responsible for its part.</summary>
    public bool Lead { get; set; }

    public List<LedgerProgressRow> Progress { get; set; } = [];
}

/// <summary>A unit's monthly progress report on a task (月度进展): one per month, a new report of the month replacing it.</summary>
public sealed class LedgerProgressRow
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public LedgerAssignmentRow? Assignment { get; set; }

    /// <summary><c>YYYY-MM</c>.</summary>
    public string Month { get; set; } = "";

    /// <summary><see cref="ProgressStatus"/> code.</summary>
    public string Status { get; set; } = "";

    /// <summary>完成进度, 0–100.</summary>
    public int Percent { get; set; }

    public string Text { get; set; } = "";

    public string ReportedBy { get; set; } = "";

    public DateTime ReportedAt { get; set; }
}

/// <summary>The status a unit reports (进展状态).</summary>
public static class ProgressStatus
{
    public const string NotStarted = "not-started";
    public const string InProgress = "in-progress";
    public const string Done = "done";
    public const string Stalled = "stalled";

    public static readonly IReadOnlyList<string> All = [NotStarted, InProgress, Done, Stalled];

    public static string Chinese(string? code) => code switch
    {
        NotStarted => "未开始",
        InProgress => "推进中",
        Done => "已完成",
        Stalled => "停滞",
        _ => "未报送",
    };

    /// <summary>The code of a Chinese name (or of a code), else null.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(s => s == text || Chinese(s) == text);
}
