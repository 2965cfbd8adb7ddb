using System.Globalization;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// Payment (拨付): the approved shares the signed-in finance office has to pay — the city's finance the city shares, a
/// district's finance its district's shares — each paid with its voucher number, and the shares paid, as an xlsx too.
/// </summary>
public sealed class PaymentsModel(CaseQueries queries, CaseWorkflow workflow, PolicyEngine engine) : CasePageModel
{
    /// <summary>The award year listed; none (or 0, 全部) for every year, since a finance office pays what is approved whatever its year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get => _year; set => _year = value is 0 ? null : value; }

    private int? _year;

    public IReadOnlyList<(CaseRow Case, string Payer)> ToPay { get; private set; } = [];

    public IReadOnlyList<(PaymentRow Payment, CaseRow Case)> Paid { get; private set; } = [];

    public PolicyEngine Engine => engine;

    public bool Pays => CaseAccess.PayersOf(Actor.Role).Count > 0;

    public async Task OnGetAsync(CancellationToken cancel) => (ToPay, Paid) = await queries.PaymentsAsync(Actor, Year, cancel);

    public Task<IActionResult> OnPostPayAsync(long id, int version, string payer, string? voucher, CancellationToken cancel) =>
        StepAsync(
            async a =>
            {
                var c = await workflow.PayAsync(id, version, a, payer, voucher ?? "", cancel);
                return $"事项 {c.Id}（{c.EnterpriseName}）{Payer.Chinese(payer)}资金已拨付。";
            },
            () => Redirect(Request.Path + Request.QueryString),
            async () =>
            {
                await OnGetAsync(cancel);
                return Page();
            });

    /// <summary>The shares paid (in the office's scope) as an xlsx with Chinese headers.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        await OnGetAsync(cancel);
        var rows = Paid.Select((x, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["事项编号"] = x.Case.Id,
            ["企业名称"] = x.Case.EnterpriseName,
            ["统一社会信用代码"] = x.Case.Uscc,
            ["所属区县"] = x.Case.District,
            ["政策条款"] = x.Case.Clause,
            ["条款名称"] = engine.ClauseName(x.Case.Clause),
            ["事项"] = x.Case.Item.Length == 0 ? "" : Show.Item(x.Case.Item),
            ["评估年度"] = x.Case.AwardYear,
            ["出资方"] = Payer.Chinese(x.Payment.Payer),
            ["拨付金额（元）"] = x.Payment.Amount,
            ["拨付日期"] = Show.Date(x.Payment.PaidOn),
            ["拨付凭证号"] = x.Payment.Voucher,
            ["经办人"] = x.Payment.By,
        }).ToList();
        return await XlsxAsync(rows, "拨付明细", $"拨付明细-{Year?.ToString(CultureInfo.InvariantCulture) ?? "全部年度"}.xlsx", "（尚无拨付记录）", cancel);
    }
}
