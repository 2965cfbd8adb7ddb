using System.Runtime.CompilerServices;
using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store;

/// <summary>
/// The registry seen as dossiers (一企一档): the engine asks it for one enterprise's dossier or a stream of a district's
/// or the whole city's, assembled page by page so the city is never held in memory; the ledger of awards paid is
/// written here too. Every write is recorded in the audit log under the actor given.
/// </summary>
public sealed class DossierStore(HuiqiDatabase database)
{
    /// <summary>Enterprises assembled per database round trip when streaming.</summary>
    public const int DefaultPageSize = 500;

    public HuiqiDatabase Database => database;

    /// <summary>The dossier of one enterprise, or null when the registry does not know the USCC.</summary>
    public async Task<Dossier?> GetAsync(string uscc, CancellationToken cancel = default)
    {
        await using var db = database.CreateDbContext();
        var head = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Uscc == uscc, cancel);
        return head is null ? null : FactMapper.ToDossier(head, await FactWriter.LoadAllAsync(db, [head.Id], cancel));
    }

    /// <summary>
    /// The dossiers of every enterprise, or of one district's, in registration order. Keyset paging (id &gt; last id,
    /// <paramref name="pageSize"/> at a time, a fresh context per page) keeps memory bounded by the page, not the city.
    /// </summary>
    public async IAsyncEnumerable<Dossier> StreamAsync(string? district = null, int pageSize = DefaultPageSize, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var after = 0;
        while (true)
        {
            var page = await PageAsync(district, after, pageSize, cancel);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var (_, dossier) in page)
            {
                yield return dossier;
            }

            after = page[^1].EnterpriseId;
        }
    }

    /// <summary>
    /// The next <paramref name="take"/> dossiers (of one district, when given) after enterprise id
    /// <paramref name="afterId"/>, with their ids: for work that records how far it got and resumes from there.
    /// </summary>
    public async Task<IReadOnlyList<(int EnterpriseId, Dossier Dossier)>> PageAsync(string? district, int afterId, int take, CancellationToken cancel = default)
    {
        await using var db = database.CreateDbContext();
        var query = db.Enterprises.AsNoTracking().Where(e => e.Id > afterId);
        if (district is not null)
        {
            query = query.Where(e => e.District == district);
        }

        var heads = await query.OrderBy(e => e.Id).Take(take).ToListAsync(cancel);
        if (heads.Count == 0)
        {
            return [];
        }

        var facts = (await FactWriter.LoadAllAsync(db, [.. heads.Select(h => h.Id)], cancel)).ToLookup(f => f.EnterpriseId);
        return [.. heads.Select(h => (h.Id, FactMapper.ToDossier(h, facts[h.Id])))];
    }

    /// <summary>How many enterprises the registry holds (in one district, when given).</summary>
    public async Task<int> CountAsync(string? district = null, CancellationToken cancel = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Enterprises.CountAsync(e => district == null || e.District == district, cancel);
    }

    /// <summary>Stores a dossier as the enterprise's whole record: its head and facts replace what was there.</summary>
    public Task PutAsync(Dossier dossier, string actor, CancellationToken cancel = default) => PutManyAsync([dossier], actor, cancel);

    /// <summary>
    /// Stores many dossiers in one transaction, each replacing its enterprise's record, in batches whose change
    /// tracking is cleared after saving so a city-sized stream stays in bounded memory.
    /// </summary>
    public async Task<int> PutManyAsync(IEnumerable<Dossier> dossiers, string actor, CancellationToken cancel = default, int batchSize = 200)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        await using var db = database.CreateDbContext(actor);
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var count = 0;
        foreach (var batch in dossiers.Chunk(batchSize))
        {
            var heads = await HeadsAsync(db, batch.Select(d => d.Uscc), cancel);
            foreach (var d in batch)
            {
                if (!heads.TryGetValue(d.Uscc, out var head))
                {
                    head = new EnterpriseRow();
                    db.Enterprises.Add(head);
                    heads[d.Uscc] = head;
                }

                FactMapper.CopyHead(d, head);
            }

            await db.SaveChangesAsync(cancel);
            var rows = new List<FactRow>();
            foreach (var d in batch)
            {
                foreach (var row in FactMapper.ToDistinctRows(d))
                {
                    row.Enterprise = heads[d.Uscc];
                    rows.Add(row);
                }
            }

            await FactWriter.UpsertAsync(db, rows, [.. batch.Select(d => heads[d.Uscc].Id).Distinct()], cancel);
            await db.SaveChangesAsync(cancel);
            db.ChangeTracker.Clear();
            count += batch.Length;
        }

        await tx.CommitAsync(cancel);
        return count;
    }

    /// <summary>
    /// Records an award paid in the ledger (兑付台账). The same clause, item and date again updates the amount rather
    /// than adding a second payment.
    /// </summary>
    /// <exception cref="InvalidOperationException">The registry does not know the enterprise.</exception>
    public async Task RecordGrantAsync(string uscc, Grant grant, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var db = database.CreateDbContext(actor);
        var head = await db.Enterprises.SingleOrDefaultAsync(e => e.Uscc == uscc, cancel)
            ?? throw new InvalidOperationException($"enterprise {uscc} is not in the registry");
        var row = FactMapper.ToRows(new Dossier { Uscc = uscc, Name = head.Name, District = head.District, Grants = [grant] }).Single();
        row.Enterprise = head;
        await FactWriter.UpsertAsync(db, [row], null, cancel);
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The audit log of one enterprise (or of all), newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditAsync(string? uscc = null, int limit = 1000, CancellationToken cancel = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Audit.AsNoTracking()
            .Where(a => uscc == null || a.Enterprise == uscc)
            .OrderByDescending(a => a.Id)
            .Take(limit)
            .ToListAsync(cancel);
    }

    /// <summary>The tracked head rows of the given USCCs that exist, by USCC.</summary>
    internal static async Task<Dictionary<string, EnterpriseRow>> HeadsAsync(HuiqiDbContext db, IEnumerable<string> usccs, CancellationToken cancel)
    {
        var wanted = usccs.Distinct(StringComparer.Ordinal).ToList();
        return await db.Enterprises.Where(e => wanted.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, StringComparer.Ordinal, cancel);
    }
}
