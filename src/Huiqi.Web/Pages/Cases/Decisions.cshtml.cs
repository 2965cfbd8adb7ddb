namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// The decision log (办理留痕) for the city and the administrator: every step on every case, who, when, from where, and
/// whether the keyed chain is intact and the cases and payments agree with it — recomputed on each visit, so a changed,
/// removed or forged entry, and a case or payment edited in the database, show where and how. Whatever the rows hold,
/// the page answers: a row that cannot even be read is reported as such.
/// </summary>
public sealed class DecisionsModel(CaseQueries queries, ILogger<DecisionsModel> log) : CasePageModel
{
    public const int Size = 100;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + Size - 1) / Size);

    public IReadOnlyList<DecisionRow> Items { get; private set; } = [];

    /// <summary>What the verification found; null when the log could not be read at all (<see cref="Unreadable"/>).</summary>
    public ChainAudit? Audit { get; private set; }

    /// <summary>Why the log could not be read (a row holding a value no column type admits), in Chinese.</summary>
    public string? Unreadable { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        try
        {
            Audit = await queries.AuditAsync(cancel);
            (Count, Items) = await queries.DecisionsAsync(PageNumber, Size, cancel);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or InvalidCastException or System.Data.Common.DbException)
        {
            // Only rows written behind the platform's back get here; the page says so instead of failing.
            log.LogError(e, "The decision log could not be read");
            Unreadable = $"办理留痕或事项数据无法读取（{e.GetType().Name}）：数据库中有不是平台写入的记录，请立即核查。";
        }
    }
}
