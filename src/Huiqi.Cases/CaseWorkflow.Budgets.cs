using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>The workflow's the budgets the city review is held against, and what stands against each (预算).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>Who sets budgets: the city's finance bureau and the city bureau.</summary>
    private static readonly Role[] BudgetSetters = [Role.CityFinance, Role.CityReviewer];

    /// <summary>Whether the actor may set budgets (the budget page offers the form exactly then).</summary>
    public static bool SetsBudgets(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return BudgetSetters.Contains(actor.Role);
    }

    /// <summary>Sets the budget of a document (or one clause of it) for a year (预算); lowering it below what is committed is refused.</summary>
    public async Task<BudgetRow> SetBudgetAsync(Actor actor, string document, string? clause, int year, decimal amount, decimal? perEnterprise, CancellationToken cancel = default)
    {
        RequireRole(actor, BudgetSetters);
        if (!catalog.Documents.Any(d => d.Id == document))
        {
            throw CaseException.Invalid($"文件“{document}”不在政策目录中", $"unknown document {document}");
        }

        if (!string.IsNullOrEmpty(clause) && !catalog.ClausesById.ContainsKey(clause))
        {
            throw CaseException.Invalid($"条款“{clause}”不在政策目录中", $"unknown clause {clause}");
        }

        amount = CaseLimits.Amount(amount, "预算金额", CaseLimits.BudgetCeiling, "平台预算上限", zeroAllowed: true);
        if (perEnterprise is { } most)
        {
            perEnterprise = CaseLimits.Amount(most, "单户上限", CaseLimits.BudgetCeiling, "平台预算上限");
        }

        if (year is < 2000 or > 2100)
        {
            throw CaseException.Invalid($"预算年度应在2000至2100年之间，而不是{year}年", $"budget year must be 2000..2100, not {year}");
        }

        return await DecideAsync(async (db, cursor, _) =>
        {
            var key = clause ?? "";
            var row = await db.Budgets.SingleOrDefaultAsync(b => b.Document == document && b.Clause == key && b.Year == year, cancel);
            var now = clock.GetUtcNow().UtcDateTime;
            if (row is null)
            {
                row = new BudgetRow { Document = document, Clause = key, Year = year };
                db.Budgets.Add(row);
            }

            var old = row.Amount;
            (row.Amount, row.PerEnterprise, row.SetBy, row.SetAt) = (amount, perEnterprise, actor.User, now);
            DecisionLog.Append(db, cursor, actor, "budget", null, "", new { document, clause = key, year, from = old, to = amount, perEnterprise }, now);
            return row;
        }, cancel);
    }

    /// <summary>The budgets of an award year with what is committed, in notice and paid against each (预算执行).</summary>
    public async Task<IReadOnlyList<BudgetUse>> BudgetsAsync(int year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var budgets = await BudgetsForAsync(db, year, null, cancel);
        var rows = await db.Cases.AsNoTracking().Where(c => c.AwardYear == year)
            .Select(c => new { c.Clause, c.Status, c.Amount }).ToListAsync(cancel);
        var paid = await db.Payments.AsNoTracking().Where(p => p.AwardYear == year).Select(p => new { p.Clause, p.Amount }).ToListAsync(cancel);
        return [.. budgets.Select(b =>
        {
            bool In(string clause) => b.Clause.Length > 0 ? clause == b.Clause : clause.StartsWith(b.Document + "/", StringComparison.Ordinal);
            var mine = rows.Where(r => In(r.Clause)).ToList();
            return new BudgetUse(
                b,
                CaseLimits.Total(mine.Where(r => CaseStatuses.Committed.Contains(r.Status)).Select(r => r.Amount)),
                CaseLimits.Total(mine.Where(r => r.Status == CaseStatus.InNotice).Select(r => r.Amount)),
                CaseLimits.Total(paid.Where(p => In(p.Clause)).Select(p => p.Amount)),
                mine.Count(r => r.Status == CaseStatus.Held),
                CaseLimits.Total(mine.Where(r => r.Status == CaseStatus.Held).Select(r => r.Amount)));
        })];
    }

    /// <summary>Why a case cannot be committed within its budgets, or null when it can.</summary>
    private async Task<string?> BudgetHoldAsync(CasesDbContext db, CaseRow c, CancellationToken cancel)
    {
        foreach (var b in await BudgetsForAsync(db, c.AwardYear, c.Clause, cancel))
        {
            var scope = db.Cases.Where(x => x.AwardYear == c.AwardYear && x.Id != c.Id && CaseStatuses.Committed.Contains(x.Status));
            scope = b.Clause.Length > 0 ? scope.Where(x => x.Clause == b.Clause) : scope.Where(x => x.Clause.StartsWith(b.Document + "/"));
            var amounts = await scope.Select(x => new { x.Uscc, x.Amount }).ToListAsync(cancel);
            // A total beyond decimal (only a row edited behind the platform's back) can never be within a budget.
            var committed = CaseLimits.Total(amounts.Select(x => x.Amount)) ?? decimal.MaxValue;
            var name = b.Clause.Length > 0 ? b.Clause : b.Document;
            if (committed > b.Amount - c.Amount)
            {
                return $"超出预算：{name} {b.Year}年预算{b.Amount:#,0.##}元，已承诺{committed:#,0.##}元，本事项{c.Amount:#,0.##}元，超出{committed - (b.Amount - c.Amount):#,0.##}元";
            }

            if (b.PerEnterprise is { } most)
            {
                var mine = CaseLimits.Total(amounts.Where(x => x.Uscc == c.Uscc).Select(x => x.Amount)) ?? decimal.MaxValue;
                if (mine > most - c.Amount)
                {
                    return $"超出单户上限：{name}每家企业每年最高{most:#,0.##}元，本企业已承诺{mine:#,0.##}元，本事项{c.Amount:#,0.##}元";
                }
            }
        }

        return null;
    }

    /// <summary>The budgets that apply to a year (and clause): rows set by the bureaus, and the pools the catalogue states.</summary>
    private async Task<List<BudgetRow>> BudgetsForAsync(CasesDbContext db, int year, string? clause, CancellationToken cancel)
    {
        var document = clause is null ? null : clause[..clause.IndexOf('/', StringComparison.Ordinal)];
        var rows = await db.Budgets.AsNoTracking()
            .Where(b => b.Year == year && (document == null || (b.Document == document && (b.Clause == "" || b.Clause == clause))))
            .ToListAsync(cancel);
        foreach (var pooled in catalog.Clauses.Where(x => x.Path.Pool is not null && (clause is null || x.Id == clause)))
        {
            if (!rows.Any(r => r.Clause == pooled.Id))
            {
                rows.Add(new BudgetRow
                {
                    Document = pooled.Document.Id,
                    Clause = pooled.Id,
                    Year = year,
                    Amount = pooled.Path.Pool!.PerYear,
                    PerEnterprise = pooled.Path.Pool.PerEnterprise,
                    SetBy = "政策原文",
                });
            }
        }

        return rows;
    }
}

/// <summary>
/// A budget and what stands against it (预算执行): committed (city-approved and on), in notice, paid, and held; a total
/// is null when the amounts behind it do not add up within <see cref="decimal"/> (<see cref="CaseLimits.Total"/>).
/// </summary>
public sealed record BudgetUse(BudgetRow Budget, decimal? Committed, decimal? InNotice, decimal? Paid, int HeldCases, decimal? HeldAmount)
{
    public decimal? Remaining => Budget.Amount - Committed;
}
