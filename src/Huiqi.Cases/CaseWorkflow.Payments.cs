using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Huiqi.Cases;

/// <summary>The workflow's payment by the finance bureaus, and the award ledger it writes (拨付).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>The decision log's actions that are review decisions (an array, so the query translates it).</summary>
    private static readonly string[] ReviewActions = ["pass", "return", "reject", "release", "object", "objection-upheld", "objection-dismissed"];

    /// <summary>
    /// A finance bureau pays its share (拨付): the city's finance the city share, the district's finance the district
    /// share of its own district. When every share is paid the award enters the ledger (<c>grants</c>) the engine reads,
    /// in the same transaction, so once-only, ladders and caps hold from then on.
    /// </summary>
    public Task<CaseRow> PayAsync(long id, int version, Actor actor, string payer, string voucher, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "pay", async (c, db, tx) =>
        {
            if (payer == Payer.City)
            {
                RequireRole(actor, Role.CityFinance);
            }
            else if (payer == Payer.District)
            {
                RequireRole(actor, Role.DistrictFinance);
            }
            else
            {
                throw CaseException.Invalid($"出资方应为 city 或 district，而不是“{payer}”", $"payer must be city or district, not '{payer}'");
            }

            RequireStep(c, CaseStep.Pay);
            voucher = CaseLimits.Text(voucher, "拨付凭证号", CaseLimits.Voucher, required: false);
            // 不相容岗位分离: whoever took a review step on this case (the log says who) may not also pay it, even
            // from another office the account was moved to.
            if (await db.Decisions.AnyAsync(d => d.CaseId == c.Id && d.Actor == actor.User && ReviewActions.Contains(d.Action), cancel))
            {
                throw CaseException.Forbidden(
                    $"不相容岗位分离：账号“{actor.User}”办理过本事项的审核环节，不能再办理其拨付，请由其他经办人拨付",
                    $"{actor.User} reviewed case {c.Id} and may not pay it");
            }

            var share = payer == Payer.City ? c.CityShare : c.DistrictShare;
            if (share <= 0)
            {
                throw CaseException.Invalid($"本事项{Payer.Chinese(payer)}承担金额为零，无需拨付", $"the {payer} share is zero");
            }

            if (await db.Payments.AnyAsync(p => p.CaseId == c.Id && p.Payer == payer, cancel))
            {
                throw CaseException.Conflict($"本事项{Payer.Chinese(payer)}资金已拨付，不能重复拨付", $"the {payer} share is already paid");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Payments.Add(new PaymentRow
            {
                CaseId = c.Id,
                Uscc = c.Uscc,
                Clause = c.Clause,
                Item = c.Item,
                AwardYear = c.AwardYear,
                District = c.District,
                Payer = payer,
                Amount = share,
                PaidOn = Today,
                Voucher = voucher,
                By = actor.User,
                At = now,
            });
            var other = payer == Payer.City ? c.DistrictShare : c.CityShare;
            var otherPaid = other <= 0 || await db.Payments.AnyAsync(p => p.CaseId == c.Id && p.Payer != payer, cancel);
            Move(c, CaseStep.Pay, otherPaid ? CaseStatus.Paid : CaseStatus.Paying);
            if (otherPaid)
            {
                await WriteLedgerAsync(db, tx, c, actor, cancel);
            }

            return new { payer, amount = share, voucher };
        }, cancel);

    private async Task WriteLedgerAsync(CasesDbContext db, IDbContextTransaction tx, CaseRow c, Actor actor, CancellationToken cancel)
    {
        await using var reg = registry.CreateDbContext(db.Database.GetDbConnection(), actor.User);
        await reg.Database.UseTransactionAsync(tx.GetDbTransaction(), cancel);
        var enterprise = await reg.Enterprises.SingleOrDefaultAsync(e => e.Uscc == c.Uscc, cancel)
            ?? throw CaseException.Conflict($"企业{c.Uscc}已不在企业库中，不能记入兑付台账", $"enterprise {c.Uscc} is no longer in the registry");
        reg.Grants.Add(new GrantRow
        {
            Enterprise = enterprise,
            EnterpriseId = enterprise.Id,
            Clause = c.Clause,
            Item = c.Item.Length == 0 ? null : c.Item,
            Amount = c.Amount,
            Date = Today,
            AwardYear = c.AwardYear,
        });
        await reg.SaveChangesAsync(cancel);
    }
}
