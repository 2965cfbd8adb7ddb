namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// Budgets (预算执行) of an award year per document or clause — set by the city's finance or reviewer, plus the pools
/// the policy text itself states — with what is committed, in notice, paid and held against each; the held cases with
/// their warnings; and the enterprises' ratings by clause and district.
/// </summary>
public sealed class BudgetsModel(CaseWorkflow workflow, CaseQueries queries, PolicyEngine engine) : CasePageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int ShownYear => Year ?? engine.Current.Catalogue;

    public IReadOnlyList<BudgetUse> Budgets { get; private set; } = [];

    public IReadOnlyList<CaseRow> Held { get; private set; } = [];

    public IReadOnlyList<RatingRow> Ratings { get; private set; } = [];

    public PolicyEngine Engine => engine;

    public bool CanSet => CaseWorkflow.SetsBudgets(Actor);

    public bool IsCity => CanSet;

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Budgets = await workflow.BudgetsAsync(ShownYear, cancel);
        if (IsCity)
        {
            Held = await queries.HeldAsync(ShownYear, cancel);
            Ratings = await queries.RatingsAsync(ShownYear, cancel);
        }
    }

    public Task<IActionResult> OnPostSetAsync(string document, string? clause, [ModelBinder(typeof(Shared.MoneyBinder))] decimal amount, [ModelBinder(typeof(Shared.MoneyBinder))] decimal? perEnterprise, CancellationToken cancel) =>
        StepAsync(
            async a =>
            {
                var b = await workflow.SetBudgetAsync(a, document, string.IsNullOrWhiteSpace(clause) ? null : clause.Trim(), ShownYear, amount, perEnterprise, cancel);
                return $"已设置 {b.Year} 年度预算：{(b.Clause.Length > 0 ? b.Clause : b.Document)} {Show.Money(b.Amount)}。";
            },
            () => Redirect($"/cases/budgets?year={ShownYear}"),
            async () =>
            {
                await OnGetAsync(cancel);
                return Page();
            });
}
