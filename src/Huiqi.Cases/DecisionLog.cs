using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>
/// The append-only, keyed hash chain of decisions (办理留痕). Every decision first locks the chain's head row (one
/// UPDATE, which takes a row lock on PostgreSQL and the write lock on SQLite), so decisions from any number of requests
/// and nodes are appended one at a time, each chained to the last entry in the table; the migration adds triggers that
/// refuse UPDATE and DELETE on the log itself.
/// <para>
/// Since version 2 an entry's hash is an HMAC-SHA256 under a key kept outside the database
/// (<see cref="DecisionLogKey"/>), so one who can write the database cannot write an entry that verifies; and a case
/// entry carries the amount and shares the case holds after it, so <see cref="AuditAsync"/> compares the cases and
/// payments with the log, not only the log with itself. Version 1 entries (plain SHA-256, no amounts, written before
/// the key) still verify, but only as the chain's first entries: the first keyed entry covers their last hash, so they
/// can no longer be changed unseen, and a version 1 entry after a keyed one is a forgery.
/// </para>
/// <para>
/// A row appended behind the platform's back does not stop the work: the next decision chains after it (the last
/// entry, not the head's copy), and the row is reported by <see cref="AuditAsync"/> where it stands — refusing every
/// step instead would let anyone with database access halt all casework.
/// </para>
/// </summary>
public static class DecisionLog
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Entries written now: keyed, with amounts.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The most problems of each kind an audit lists (the count is always whole).</summary>
    public const int MaxListed = 100;

    private static readonly JsonSerializerOptions DetailJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Takes the chain's lock for the current transaction and returns the last entry to chain on.</summary>
    public static async Task<ChainCursor> LockAsync(CasesDbContext db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("UPDATE case_chain_head SET \"Seq\" = \"Seq\" WHERE \"Id\" = 1", cancel);
        var last = await db.Decisions.AsNoTracking().OrderByDescending(d => d.Seq).Select(d => new { d.Seq, d.Hash }).FirstOrDefaultAsync(cancel);
        return last is null ? new ChainCursor(0, Genesis) : new ChainCursor(last.Seq, last.Hash);
    }

    /// <summary>
    /// Adds the next entry to the context (saved with the decision it records); a case's entry records the amount and
    /// shares the case holds after the decision.
    /// </summary>
    public static DecisionRow Append(CasesDbContext db, ChainCursor cursor, Actor actor, string action, CaseRow? c, string transition, object detail, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(actor);
        var key = db.ChainKey ?? throw new InvalidOperationException("The cases' context has no decision log key: open it through CasesDatabase");
        var row = new DecisionRow
        {
            Seq = cursor.Seq + 1,
            Version = CurrentVersion,
            // Whole milliseconds: PostgreSQL keeps microseconds, SQLite ticks; the hash must read back the same from both.
            At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            Actor = actor.User,
            Role = actor.Role.ToString(),
            Address = actor.Address,
            Action = action,
            CaseId = c?.Id,
            Transition = transition,
            Detail = JsonSerializer.Serialize(detail, DetailJson),
            Amount = c?.Amount,
            CityShare = c?.CityShare,
            DistrictShare = c?.DistrictShare,
            PrevHash = cursor.Hash,
        };
        row.Hash = HashOf(row, key);
        db.Decisions.Add(row);
        cursor.Seq = row.Seq;
        cursor.Hash = row.Hash;
        cursor.Dirty = true;
        return row;
    }

    /// <summary>Writes the new head; call once, just before saving.</summary>
    public static async Task FlushAsync(CasesDbContext db, ChainCursor cursor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cursor);
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
    /// Recomputes the chain from the first entry: null when every entry verifies, else the first sequence number where
    /// it breaks (an entry changed, removed, inserted or appended without the key).
    /// </summary>
    public static async Task<long?> VerifyAsync(CasesDbContext db, CancellationToken cancel = default) =>
        (await AuditAsync(db, state: false, cancel)).BrokenAt;

    /// <summary>
    /// Verifies the chain entry by entry (every break, with where and how) and, with <paramref name="state"/>, the
    /// cases and payments against it: a case whose amount or shares differ from its last keyed entry, a case no entry
    /// made, a payment without its entry or with another amount, an entry of a payment that is gone.
    /// </summary>
    public static async Task<ChainAudit> AuditAsync(CasesDbContext db, bool state = true, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = db.ChainKey;
        var chain = new ProblemList<ChainProblem>();
        var previous = Genesis;
        var expected = 1L;
        var keyed = false;
        var count = 0L;
        var lastOf = new Dictionary<long, DecisionRow>();
        var logged = new HashSet<long>();
        var pays = new List<(long Seq, long CaseId, string? Payer, decimal? Amount)>();
        await foreach (var row in db.Decisions.AsNoTracking().OrderBy(d => d.Seq).AsAsyncEnumerable().WithCancellation(cancel))
        {
            count++;
            if (row.Seq != expected)
            {
                chain.Add(new ChainProblem(expected, row.Seq > expected
                    ? $"第{expected}至{row.Seq - 1}条缺失：序号从第{expected - 1}条跳到第{row.Seq}条（记录被删除）"
                    : $"第{row.Seq}条序号重复或倒退"));
            }

            if (row.PrevHash != previous)
            {
                chain.Add(new ChainProblem(row.Seq, $"第{row.Seq}条记录的前序哈希与其前一条不符（其前的记录被改动、删除或插入）"));
            }

            var why = row.Version switch
            {
                1 when keyed => "是未加密钥的旧格式记录，却位于加密钥记录之后（不是平台写入的）",
                1 => HashOf(row, null) == row.Hash ? null : "内容与其哈希不符（记录被改动）",
                CurrentVersion when key is null => "无法校验：未配置办理留痕密钥",
                CurrentVersion => HashOf(row, key) == row.Hash ? null : "密钥哈希校验失败（记录被改动，或不是平台写入的）",
                _ => $"版本号{row.Version}无法识别（不是平台写入的）",
            };
            if (why is not null)
            {
                chain.Add(new ChainProblem(row.Seq, $"第{row.Seq}条{why}"));
            }

            keyed |= row.Version == CurrentVersion;
            previous = row.Hash;
            expected = row.Seq + 1;
            if (state && row.CaseId is { } caseId)
            {
                logged.Add(caseId);
                if (row.Version == CurrentVersion && why is null)
                {
                    lastOf[caseId] = row;
                }

                if (row.Action == "pay")
                {
                    var (payer, amount) = PaymentOf(row.Detail);
                    pays.Add((row.Seq, caseId, payer, amount));
                }
            }
        }

        var head = await db.ChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, cancel);
        if (head.Seq != expected - 1 || head.Hash != previous)
        {
            chain.Add(new ChainProblem(Math.Min(head.Seq + 1, expected), $"链头记为第{head.Seq}条，而最后一条记录是第{expected - 1}条且哈希不同：末尾的记录被删除，或有记录绕过平台追加"));
        }

        var cases = new ProblemList<StateProblem>();
        if (state)
        {
            await CompareStateAsync(db, lastOf, logged, pays, cases, cancel);
        }

        return new ChainAudit(count, chain.Listed, chain.Count, cases.Listed, cases.Count);
    }

    private static async Task CompareStateAsync(
        CasesDbContext db, Dictionary<long, DecisionRow> lastOf, HashSet<long> logged, List<(long Seq, long CaseId, string? Payer, decimal? Amount)> pays, ProblemList<StateProblem> problems, CancellationToken cancel)
    {
        var rows = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Amount, c.CityShare, c.DistrictShare }).ToListAsync(cancel);
        var known = rows.Select(r => r.Id).ToHashSet();
        foreach (var c in rows)
        {
            if (!logged.Contains(c.Id))
            {
                problems.Add(new StateProblem(c.Id, $"事项#{c.Id}没有任何办理留痕：不是经平台办理产生的"));
            }
            else if (lastOf.TryGetValue(c.Id, out var d) && (d.Amount != c.Amount || d.CityShare != c.CityShare || d.DistrictShare != c.DistrictShare))
            {
                problems.Add(new StateProblem(c.Id,
                    $"事项#{c.Id}的金额与其最后一条办理留痕（第{d.Seq}条）不符：留痕为{Yuan(d.Amount)}元（市级{Yuan(d.CityShare)}元、区县级{Yuan(d.DistrictShare)}元），现为{Yuan(c.Amount)}元（市级{Yuan(c.CityShare)}元、区县级{Yuan(c.DistrictShare)}元）"));
            }
        }

        // Lookups, not scans: a city pays tens of thousands of shares a year.
        var payments = await db.Payments.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.CaseId, p.Payer, p.Amount }).ToListAsync(cancel);
        var entriesOf = pays.ToLookup(x => (x.CaseId, x.Payer));
        var paid = payments.Select(p => (p.CaseId, (string?)p.Payer)).ToHashSet();
        foreach (var p in payments)
        {
            var entries = entriesOf[(p.CaseId, p.Payer)].ToList();
            if (entries.Count == 0)
            {
                problems.Add(new StateProblem(p.CaseId, $"事项#{p.CaseId}的{Payer.Chinese(p.Payer)}拨付记录（{Yuan(p.Amount)}元）没有对应的办理留痕"));
            }
            else if (entries.All(x => x.Amount != p.Amount))
            {
                problems.Add(new StateProblem(p.CaseId, $"事项#{p.CaseId}的{Payer.Chinese(p.Payer)}拨付记录为{Yuan(p.Amount)}元，办理留痕（第{entries[^1].Seq}条）记为{Yuan(entries[^1].Amount)}元"));
            }
        }

        foreach (var x in pays.Where(x => known.Contains(x.CaseId) && !paid.Contains((x.CaseId, x.Payer))))
        {
            problems.Add(new StateProblem(x.CaseId, $"办理留痕第{x.Seq}条记有事项#{x.CaseId}的{Payer.Chinese(x.Payer ?? "")}拨付（{Yuan(x.Amount)}元），但拨付记录已不存在"));
        }

        foreach (var id in logged.Where(id => !known.Contains(id)).Order())
        {
            problems.Add(new StateProblem(id, $"办理留痕记有事项#{id}，但该事项已不存在（被删除）"));
        }
    }

    /// <summary>The payer and amount a payment entry's detail names (null when the detail does not read as one).</summary>
    private static (string? Payer, decimal? Amount) PaymentOf(string detail)
    {
        try
        {
            using var json = JsonDocument.Parse(detail);
            var root = json.RootElement;
            return (root.TryGetProperty("payer", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                root.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var d) ? d : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Yuan(decimal? yuan) => yuan?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// Version 1: SHA-256 of the entry's fields. Version 2: HMAC-SHA256 under the key, of the same fields, the version
    /// and the amounts (two decimals, so 100 and 100.00 read back from either database hash the same).
    /// </summary>
    private static string HashOf(DecisionRow r, DecisionLogKey? key)
    {
        var fields = new List<string>
        {
            r.Seq.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(r.At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            r.Actor,
            r.Role,
            r.Address,
            r.Action,
            r.CaseId?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.Transition,
            r.Detail,
            r.PrevHash,
        };
        if (key is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fields))));
        }

        fields.Add(r.Version.ToString(CultureInfo.InvariantCulture));
        fields.AddRange(new[] { r.Amount, r.CityShare, r.DistrictShare }.Select(a => a?.ToString("0.00", CultureInfo.InvariantCulture) ?? ""));
        return key.Sign(Encoding.UTF8.GetBytes(string.Join('\n', fields)));
    }

    /// <summary>A list that keeps the first <see cref="MaxListed"/> problems and counts them all.</summary>
    private sealed class ProblemList<T>
    {
        public List<T> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(T problem)
        {
            Count++;
            if (Listed.Count < MaxListed)
            {
                Listed.Add(problem);
            }
        }
    }
}

/// <summary>Where the chain breaks: the entry's sequence number and what is wrong there, in Chinese.</summary>
public sealed record ChainProblem(long Seq, string Chinese);

/// <summary>A case (or its payment) that differs from what the log says was decided.</summary>
public sealed record StateProblem(long CaseId, string Chinese);

/// <summary>
/// What <see cref="DecisionLog.AuditAsync"/> found: the entries read, the chain's breaks and the cases that differ
/// from the log (the first <see cref="DecisionLog.MaxListed"/> of each, and how many in all).
/// </summary>
public sealed record ChainAudit(long Entries, IReadOnlyList<ChainProblem> Chain, int ChainCount, IReadOnlyList<StateProblem> State, int StateCount)
{
    public bool Intact => ChainCount == 0 && StateCount == 0;

    /// <summary>The first entry where the chain breaks, or null.</summary>
    public long? BrokenAt => Chain.Count == 0 ? null : Chain.Min(p => p.Seq);
}

/// <summary>
/// The decision log's key (办理留痕密钥): 32 or more random bytes kept outside the database — in configuration
/// (<c>Huiqi:DecisionLogKey</c>, base64) or, in the Demo and Development environments, a file generated once per
/// installation — so the chain cannot be rewritten by one who can only write the database.
/// </summary>
public sealed class DecisionLogKey
{
    public const int MinBytes = 32;

    private readonly byte[] _key;

    private DecisionLogKey(byte[] key) => _key = key;

    /// <summary>A new random key (tests, and a fresh installation's key file).</summary>
    public static DecisionLogKey Generate() => new(RandomNumberGenerator.GetBytes(MinBytes));

    /// <summary>A key written in base64 (configuration); refused when it is not base64 or shorter than 32 bytes.</summary>
    public static DecisionLogKey FromBase64(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"办理留痕密钥（{source}）不是 base64 / the decision log key in {source} is not base64");
        }

        return bytes.Length < MinBytes
            ? throw new InvalidOperationException($"办理留痕密钥（{source}）应至少{MinBytes}字节，现为{bytes.Length}字节 / the decision log key in {source} must be at least {MinBytes} bytes, not {bytes.Length}")
            : new DecisionLogKey(bytes);
    }

    /// <summary>
    /// The key in <paramref name="file"/>, created there (owner-only on Unix) with a new random key when absent; two
    /// processes starting at once read the same key.
    /// </summary>
    public static DecisionLogKey LoadOrCreate(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(file, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinBytes))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(file);
            if (text.Trim().Length > 0 || attempt == 20)
            {
                return FromBase64(text, file);
            }

            Thread.Sleep(50); // created by another process that has not written it yet
        }
    }

    internal string Sign(byte[] data) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, data));
}

/// <summary>The chain's head as seen inside one transaction, advanced by each entry appended.</summary>
public sealed class ChainCursor(long seq, string hash)
{
    public long Seq { get; set; } = seq;

    public string Hash { get; set; } = hash;

    internal bool Dirty { get; set; }
}
