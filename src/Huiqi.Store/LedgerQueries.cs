using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store;

/// <summary>What has been paid (the ledger, 兑付台账), summed per clause, over the caller's scope or the whole city.</summary>
public sealed class LedgerQueries(HuiqiDatabase database)
{
    public sealed record Paid(decimal Amount, int Payments, int Enterprises);

    /// <summary>Per clause: the amount paid, the number of payments and of enterprises paid, within the scope.</summary>
    public async Task<IReadOnlyDictionary<string, Paid>> PaidByClauseAsync(Actor scope, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = database.CreateDbContext();
        var rows = await (from g in db.Grants.AsNoTracking()
                          join e in scope.Visible(db.Enterprises.AsNoTracking()) on g.EnterpriseId equals e.Id
                          select new { g.Clause, g.Amount, g.EnterpriseId }).ToListAsync(cancel);
        return rows.GroupBy(r => r.Clause, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Paid(g.Sum(r => r.Amount), g.Count(), g.Select(r => r.EnterpriseId).Distinct().Count()), StringComparer.Ordinal);
    }
}
