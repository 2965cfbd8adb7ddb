namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// Public notices (公示): the city publishes the cases ready for notice of an award year for a period in working or
/// calendar days (5 working days unless chosen otherwise), and sees every notice. A notice is a published list, so
/// every bureau may read it; only the city publishes.
/// </summary>
public sealed class NoticesModel(CaseQueries queries, CaseWorkflow workflow, PolicyEngine engine) : CasePageModel
{
    public IReadOnlyList<(NoticeRow Notice, int Cases, decimal? Amount)> Notices { get; private set; } = [];

    public PolicyEngine Engine => engine;

    public CaseSettings Settings => workflow.Settings;

    public bool CanPublish => CaseWorkflow.RunsNotices(Actor);

    /// <summary>Cases ready for notice in the award year, in the whole city (what a notice would list).</summary>
    public int Ready { get; private set; }

    /// <summary>The award year a notice is published for: the figures year unless another is chosen.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Year ??= engine.Current.Catalogue;
        Notices = await queries.NoticesAsync(cancel);
        Ready = (await queries.ListAsync(Actor, new CaseFilter { Year = Year, Status = CaseStatus.ReadyForNotice.Code() }, 1, cancel)).Count;
    }

    public Task<IActionResult> OnPostPublishAsync(int year, int? days, bool workingDays, string? title, CancellationToken cancel)
    {
        long id = 0;
        return StepAsync(
            async a =>
            {
                var n = await workflow.PublishNoticeAsync(a, year, null, days, workingDays, title, cancel);
                id = n.Id;
                return $"公示已发布：{Show.Date(n.Starts)} 至 {Show.Date(n.Ends)}。";
            },
            () => Redirect(CaseText.NoticeUrl(id)),
            async () =>
            {
                await OnGetAsync(cancel);
                return Page();
            });
    }
}
