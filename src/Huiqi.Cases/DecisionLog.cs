using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>Who acts on a case, and from where: the signed-in user, their office and scope, and the client's address.</summary>
/// <param name="User">The account name (操作人).</param>
/// <param name="Office">The role acted in.</param>
/// <param name="District">The district of a district office; null for city offices.</param>
/// <param name="Uscc">The enterprise of an enterprise account.</param>
/// <param name="Address">The client's IP address (<c>system</c> for the batch).</param>
public sealed record CaseActor(string User, Office Office, string? District, string? Uscc, string Address)
{
    /// <summary>The batch and other work of the platform itself.</summary>
    public static CaseActor System(string node) => new($"system@{node}", Office.System, null, null, "system");

    /// <summary>Whether the actor may see the case at all: an enterprise its own, a district its own, the city every one.</summary>
    public bool Sees(CaseRow c) => Office switch
    {
        Office.Enterprise => c.Uscc == Uscc,
        Office.DistrictReviewer or Office.DistrictFinance => c.District == District,
        _ => true,
    };
}

/// <summary>The offices that act on cases (办理角色), as the web's roles name them.</summary>
public enum Office
{
    Enterprise,
    DistrictReviewer,
    DistrictFinance,
    CityReviewer,
    CityFinance,
    Admin,
    System,
}

/// <summary>
/// The append-only, hash-chained decision log. Every decision first locks the chain's head row (one UPDATE, which
/// takes a row lock on PostgreSQL and the write lock on SQLite), so decisions from any number of requests and nodes
/// are appended one at a time, each hashing the one before; the migration adds triggers that refuse UPDATE and DELETE
/// on the log itself.
/// </summary>
public static class DecisionLog
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions DetailJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Takes the chain's lock for the current transaction and returns its head.</summary>
    public static async Task<ChainCursor> LockAsync(CasesDbContext db, CancellationToken cancel)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE case_chain_head SET \"Seq\" = \"Seq\" WHERE \"Id\" = 1", cancel);
        var head = await db.ChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, cancel);
        return new ChainCursor(head.Seq, head.Hash);
    }

    /// <summary>Adds the next entry to the context (saved with the decision it records).</summary>
    public static DecisionRow Append(CasesDbContext db, ChainCursor cursor, CaseActor actor, string action, long? caseId, string transition, object detail, DateTime at)
    {
        var row = new DecisionRow
        {
            Seq = cursor.Seq + 1,
            // Whole milliseconds: PostgreSQL keeps microseconds, SQLite ticks; the hash must read back the same from both.
            At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            Actor = actor.User,
            Role = actor.Office.ToString(),
            Address = actor.Address,
            Action = action,
            CaseId = caseId,
            Transition = transition,
            Detail = JsonSerializer.Serialize(detail, DetailJson),
            PrevHash = cursor.Hash,
        };
        row.Hash = HashOf(row);
        db.Decisions.Add(row);
        cursor.Seq = row.Seq;
        cursor.Hash = row.Hash;
        cursor.Dirty = true;
        return row;
    }

    /// <summary>Writes the new head; call once, just before saving.</summary>
    public static async Task FlushAsync(CasesDbContext db, ChainCursor cursor, CancellationToken cancel)
    {
        if (cursor.Dirty)
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE case_chain_head SET \"Seq\" = {0}, \"Hash\" = {1} WHERE \"Id\" = 1",
                [cursor.Seq, cursor.Hash],
                cancel);
            cursor.Dirty = false;
        }
    }

    /// <summary>
    /// Recomputes the chain from the first entry: null when every entry's hash matches its content and the entry before,
    /// else the first sequence number where it breaks (an entry changed, removed or inserted).
    /// </summary>
    public static async Task<long?> VerifyAsync(CasesDbContext db, CancellationToken cancel = default)
    {
        var previous = Genesis;
        var expected = 1L;
        await foreach (var row in db.Decisions.AsNoTracking().OrderBy(d => d.Seq).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (row.Seq != expected || row.PrevHash != previous || HashOf(row) != row.Hash)
            {
                return expected;
            }

            previous = row.Hash;
            expected++;
        }

        var head = await db.ChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, cancel);
        return head.Seq == expected - 1 && head.Hash == previous ? null : expected;
    }

    private static string HashOf(DecisionRow r)
    {
        var text = string.Join('\n',
            r.Seq.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(r.At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            r.Actor,
            r.Role,
            r.Address,
            r.Action,
            r.CaseId?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.Transition,
            r.Detail,
            r.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The chain's head as seen inside one transaction, advanced by each entry appended.</summary>
public sealed class ChainCursor(long seq, string hash)
{
    public long Seq { get; set; } = seq;

    public string Hash { get; set; } = hash;

    internal bool Dirty { get; set; }
}
