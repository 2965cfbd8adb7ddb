using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Huiqi.Cases.Tests;

/// <summary>
/// The award path's safeguards (issue 13): bounded inputs, the keyed decision log checked against the cases and
/// payments, separation of duties, and attachments checked whole.
/// </summary>
public sealed partial class CaseWorkflowTests
{
    // ---- defect 2: bounded inputs ----

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_application_beyond_its_bounds_is_refused_naming_the_field(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db, enterprises: 20);
        var d = await w.Store.StreamAsync().FirstAsync();
        var actor = new Actor("ent", Role.Enterprise, null, d.Uscc, "10.0.0.9");

        // The issue's reproduction: decimal's largest value as the requested amount. zzb2022-zjtx/4 (省实验室一事一议)
        // states no amount, so the platform's ceiling of 1亿元 a line bounds it.
        var huge = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", null, Year, decimal.Parse("79228162514264337593543950335", CultureInfo.InvariantCulture), "新创建省实验室", d.Name, d.District));
        Assert.Equal(CaseProblem.Invalid, huge.Problem);
        Assert.Contains("申请金额", huge.Chinese);
        Assert.Contains("上限100,000,000元", huge.Chinese);
        var justOver = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", null, Year, 100_000_000.01m, "新创建省实验室", d.Name, d.District));
        Assert.Contains("平台单笔上限", justOver.Chinese);

        // 1900: zzb2022-zjtx runs from 2022-04-12 (its window), so award years 2022 to this year (2025) only.
        var old = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", null, 1900, 500_000m, "新创建省实验室", d.Name, d.District));
        Assert.Contains("申报年度1900年", old.Chinese);
        Assert.Contains("2022至2025年度", old.Chinese);

        var item = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", new string('项', 5000), Year, 500_000m, "新创建省实验室", d.Name, d.District));
        Assert.Contains("申报事项不能超过200字", item.Chinese);
        var account = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", null, Year, 500_000m, new string('说', 2001), d.Name, d.District));
        Assert.Contains("申请说明不能超过2000字", account.Chinese);

        // A formula clause is paid from the data (免申即享), not applied for: zz2023-23/9 is the tech-reform award.
        var formula = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zz2023-23/9", null, Year, 500_000m, "技改", d.Name, d.District));
        Assert.Contains("不受理申请", formula.Chinese);

        // Exactly the ceiling is accepted, and nothing of the refusals was kept.
        var c = await w.Workflow.ApplyAsync(actor, "zzb2022-zjtx/4", null, Year, 100_000_000m, "新创建省实验室", d.Name, d.District);
        Assert.Equal(100_000_000m, c.Amount);
        await using var ctx = w.Cases.CreateDbContext();
        Assert.Equal(1, await ctx.Cases.CountAsync());
        Assert.True((await DecisionLog.AuditAsync(ctx)).Intact);
    }

    [Fact]
    public void A_total_that_does_not_fit_a_decimal_is_reported_not_thrown()
    {
        Assert.Null(CaseLimits.Total([decimal.MaxValue, 1m]));
        // 1亿 a line (the platform ceiling) over 100,000 lines (an export's limit) is 1e13 yuan, well inside decimal.
        Assert.Equal(10_000_000_000_000m, CaseLimits.Total(Enumerable.Repeat(CaseLimits.LineCeiling, 100_000)));
    }

    // ---- defect 7: the keyed decision log, checked against the state ----

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_paid_case_edited_in_the_database_is_reported_against_its_last_decision(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await PaidAsync(w);
        await using var ctx = w.Cases.CreateDbContext();
        var audit = await DecisionLog.AuditAsync(ctx);
        Assert.True(audit.Intact, string.Join("; ", audit.Chain.Select(p => p.Chinese).Concat(audit.State.Select(p => p.Chinese))));
        var last = await ctx.Decisions.Where(d => d.CaseId == c.Id).OrderBy(d => d.Seq).LastAsync();
        Assert.Equal((c.Amount, c.CityShare, c.DistrictShare), (last.Amount, last.CityShare, last.DistrictShare));

        // The amount raised by one yuan directly in the database: the chain itself is untouched, the case is reported.
        await ctx.Database.ExecuteSqlRawAsync("UPDATE cases SET \"Amount\" = \"Amount\" + 1, \"CityShare\" = \"CityShare\" + 1 WHERE \"Id\" = {0}", c.Id);
        audit = await DecisionLog.AuditAsync(ctx);
        Assert.Null(audit.BrokenAt);
        var problem = Assert.Single(audit.State);
        Assert.Equal(c.Id, problem.CaseId);
        Assert.Contains($"事项#{c.Id}的金额与其最后一条办理留痕（第{last.Seq}条）不符", problem.Chinese);

        // Put back, then the city's payment row raised: reported as a payment that differs from its entry.
        await ctx.Database.ExecuteSqlRawAsync("UPDATE cases SET \"Amount\" = \"Amount\" - 1, \"CityShare\" = \"CityShare\" - 1 WHERE \"Id\" = {0}", c.Id);
        await ctx.Database.ExecuteSqlRawAsync("UPDATE case_payments SET \"Amount\" = \"Amount\" + 1000 WHERE \"CaseId\" = {0} AND \"Payer\" = 'city'", c.Id);
        problem = Assert.Single((await DecisionLog.AuditAsync(ctx)).State);
        Assert.Contains($"事项#{c.Id}的市级财政拨付记录为", problem.Chinese);

        // And a payment row removed: its entry says it was paid.
        await ctx.Database.ExecuteSqlRawAsync("DELETE FROM case_payments WHERE \"CaseId\" = {0} AND \"Payer\" = 'city'", c.Id);
        problem = Assert.Single((await DecisionLog.AuditAsync(ctx)).State);
        Assert.Contains("拨付记录已不存在", problem.Chinese);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_forged_entry_is_reported_where_it_stands_and_the_work_goes_on(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await SplitPushCaseAsync(w);
        long forged;
        await using (var ctx = w.Cases.CreateDbContext())
        {
            // Appended behind the platform's back with a short hash, as the issue's probe did, and without the head.
            var last = await ctx.Decisions.OrderBy(d => d.Seq).LastAsync();
            forged = last.Seq + 1;
            var row = Entry(forged, DecisionLog.CurrentVersion, last.Hash, "pay", c.Id);
            row.Hash = "abc";
            ctx.Decisions.Add(row);
            await ctx.SaveChangesAsync();
        }

        // The enterprise's next step is not refused as a conflict: it chains after the forged row.
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        Assert.Equal(CaseStatus.DistrictReview, c.Status);
        await using (var ctx = w.Cases.CreateDbContext())
        {
            var next = await ctx.Decisions.SingleAsync(d => d.Seq == forged + 1);
            Assert.Equal("abc", next.PrevHash);
            var audit = await DecisionLog.AuditAsync(ctx);
            Assert.Equal(forged, audit.BrokenAt);
            Assert.Contains(audit.Chain, p => p.Seq == forged && p.Chinese.Contains("密钥哈希校验失败", StringComparison.Ordinal));
            Assert.Equal(forged, await DecisionLog.VerifyAsync(ctx));
        }

        // One who knows the old, unkeyed algorithm cannot pass a forgery off as an entry from before the key.
        await using (var ctx = w.Cases.CreateDbContext())
        {
            var last = await ctx.Decisions.OrderBy(d => d.Seq).LastAsync();
            var old = Entry(last.Seq + 1, 1, last.Hash);
            old.Hash = UnkeyedHash(old);
            ctx.Decisions.Add(old);
            await ctx.SaveChangesAsync();
            Assert.Contains((await DecisionLog.AuditAsync(ctx)).Chain, p => p.Seq == old.Seq && p.Chinese.Contains("未加密钥的旧格式记录", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Entries_from_before_the_key_still_verify_and_the_first_keyed_entry_seals_them(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db, enterprises: 20);
        await using var ctx = w.Cases.CreateDbContext();

        // Two entries as the platform wrote them before this change: version 1, plain SHA-256 of the fields.
        var previous = DecisionLog.Genesis;
        for (var seq = 1; seq <= 2; seq++)
        {
            var row = Entry(seq, 1, previous);
            row.Detail = $"{{\"year\":2023,\"to\":{seq}000000}}";
            row.Hash = previous = UnkeyedHash(row);
            ctx.Decisions.Add(row);
        }

        await ctx.SaveChangesAsync();
        await ctx.Database.ExecuteSqlRawAsync("UPDATE case_chain_head SET \"Seq\" = 2, \"Hash\" = {0} WHERE \"Id\" = 1", previous);
        Assert.Null(await DecisionLog.VerifyAsync(ctx));

        // The next decision is keyed and chained on the old head.
        await w.Workflow.SetBudgetAsync(CaseWorld.CityFinance, "zz2023-23", null, Year, 3_000_000m, null);
        var keyed = await ctx.Decisions.AsNoTracking().SingleAsync(d => d.Seq == 3);
        Assert.Equal((DecisionLog.CurrentVersion, previous), (keyed.Version, keyed.PrevHash));
        Assert.True((await DecisionLog.AuditAsync(ctx)).Intact);

        // An old entry edited (guard dropped by the database owner) breaks the chain there.
        await ctx.Database.ExecuteSqlRawAsync(db == Db.Postgres ? "DROP TRIGGER case_decisions_no_update ON case_decisions" : "DROP TRIGGER case_decisions_no_update");
        await ctx.Database.ExecuteSqlRawAsync("UPDATE case_decisions SET \"Detail\" = replace(\"Detail\", '1000000', '9000000') WHERE \"Seq\" = 1");
        Assert.Equal(1, await DecisionLog.VerifyAsync(ctx));

        // Read with another installation's key, every keyed entry fails: the key, not the database, makes an entry true.
        await using var stranger = new CasesDatabase(w.Connection, DecisionLogKey.Generate()).CreateDbContext();
        Assert.Contains((await DecisionLog.AuditAsync(stranger)).Chain, p => p.Seq == 3 && p.Chinese.Contains("密钥哈希校验失败", StringComparison.Ordinal));
    }

    // ---- defect 9: separation of duties ----

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_administrator_neither_reviews_nor_pays_and_a_reviewer_never_pays_the_case(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var admin = new Actor("admin", Role.Admin, null, null, "10.0.9.1");
        var c = await SplitPushCaseAsync(w);
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        var review = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PassAsync(c.Id, c.Version, admin, null, null));
        Assert.Equal(CaseProblem.Forbidden, review.Problem);
        Assert.Equal(CaseProblem.Forbidden, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.RejectAsync(c.Id, c.Version, admin, "不符合条件"))).Problem);

        // The district's reviewer passes it; later the same account, moved to the district's finance, may not pay it.
        var reviewer = CaseWorld.DistrictReviewer(c.District);
        c = await w.Workflow.PassAsync(c.Id, c.Version, reviewer, null, null);
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.CityReviewer, null, null);
        Assert.Equal(CaseProblem.Forbidden, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PublishNoticeAsync(admin, Year, [c.Id]))).Problem);
        var notice = await w.Workflow.PublishNoticeAsync(CaseWorld.CityReviewer, Year, [c.Id]);
        w.Clock.Now = w.Clock.Now.AddDays(10);
        Assert.Equal(CaseProblem.Forbidden, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.CloseNoticeAsync(notice.Id, admin))).Problem);
        await w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer);
        c = await ReloadAsync(w, c.Id);

        Assert.Equal(CaseProblem.Forbidden, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PayAsync(c.Id, c.Version, admin, Payer.City, "X-1"))).Problem);
        Assert.Equal(CaseProblem.Forbidden, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PayAsync(c.Id, c.Version, admin, Payer.District, "X-2"))).Problem);
        var moved = reviewer with { Role = Role.DistrictFinance };
        var both = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PayAsync(c.Id, c.Version, moved, Payer.District, "QX-1"));
        Assert.Equal(CaseProblem.Forbidden, both.Problem);
        Assert.Contains("不相容岗位分离", both.Chinese);
        Assert.Contains(reviewer.User, both.Chinese);

        // Another officer of that finance bureau pays it.
        c = await w.Workflow.PayAsync(c.Id, c.Version, CaseWorld.DistrictFinance(c.District), Payer.District, "QX-1");
        Assert.Equal(CaseStatus.Paying, c.Status);
    }

    // ---- defect 10: attachments checked whole ----

    [Theory]
    [InlineData(Db.Sqlite)]
    public async Task An_attachment_is_checked_beyond_its_first_bytes_and_its_name_loses_its_path(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db, enterprises: 20);
        var d = await w.Store.StreamAsync().FirstAsync();
        var actor = new Actor("ent", Role.Enterprise, null, d.Uscc, "10.0.0.9");
        // zzw2022-155 took applications until 2024-03-31 (the 31 March after its window): apply on 2024-03-01.
        w.Clock.Now = new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero);
        // zzw2022-155/12: at most 100万元 per enterprise a year; 40万元 is within it.
        var c = await w.Workflow.ApplyAsync(actor, "zzw2022-155/12", null, Year, 400_000m, "三星级上云，申领服务券", d.Name, d.District);

        byte[] pe = [.. "MZ"u8, .. new byte[0x3A], 0x40, 0, 0, 0, .. "PE\0\0"u8, .. new byte[64]];
        byte[] elf = [0x7F, .. "ELF"u8, 2, 1, 1, .. new byte[57]];
        var refused = new (string Name, byte[] Content, string Says)[]
        {
            ("证明.pdf", [.. "%PDF-1.7\n"u8, .. pe], "%%EOF"),
            ("证明.pdf", [.. "%PDF-1.7\n"u8, .. pe, .. "\nstartxref\n0\n%%EOF\n"u8], "Windows可执行程序"),
            ("证明.pdf", [.. "%PDF-1.7\n"u8, .. elf, .. "\nstartxref\n0\n%%EOF\n"u8], "Linux可执行程序"),
            ("证明.pdf", [.. "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8], "startxref"),
            ("证书.png", [.. Png(), .. pe], "IEND"),
            ("证书.png", [.. Png()[..20]], "超出文件"),
            ("证书.jpg", [.. Jpeg()[..^2], .. pe], "EOI"),
            ("台账.xlsx", [.. "PK\u0003\u0004"u8, .. pe], "压缩包结构损坏"),
        };
        foreach (var (name, content, says) in refused)
        {
            var e = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.AttachAsync(c.Id, actor, name, content));
            Assert.Equal(CaseProblem.Invalid, e.Problem);
            Assert.Contains("不符", e.Chinese);
            Assert.Contains(says, e.Chinese);
        }

        var pdf = await w.Workflow.AttachAsync(c.Id, actor, @"C:\Users\张三\Desktop\星级证书.pdf", MinimalPdf);
        Assert.Equal("星级证书.pdf", pdf.FileName);
        Assert.Equal("a.png", (await w.Workflow.AttachAsync(c.Id, actor, "../../x\\a.png", Png())).FileName);
        Assert.Equal("image/jpeg", (await w.Workflow.AttachAsync(c.Id, actor, "照片.jpg", Jpeg())).ContentType);
        var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[] { new Dictionary<string, object?> { ["项目"] = "上云", ["金额"] = 400000 } });
        Assert.Equal("台账.xlsx", (await w.Workflow.AttachAsync(c.Id, actor, "台账.xlsx", sheet.ToArray())).FileName);
    }

    /// <summary>The smallest PDF the check accepts: header, one object, the cross-reference pointer and %%EOF.</summary>
    internal static readonly byte[] MinimalPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"u8.ToArray();

    /// <summary>A 1×1 greyscale PNG: signature, IHDR, IEND (the check walks the chunks; it does not decode pixels).</summary>
    private static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3A, 0x7E, 0x9B, 0x55,
        0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>A 1×1 JPEG's structure: SOI, a baseline frame header (SOF0), a scan (SOS), one byte of data, EOI.</summary>
    private static byte[] Jpeg() =>
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x00,
        0xFF, 0xD9,
    ];

    /// <summary>A case confirmed, reviewed, through notice and paid by both finance bureaus.</summary>
    private static async Task<CaseRow> PaidAsync(CaseWorld w)
    {
        var c = await SplitPushCaseAsync(w);
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.DistrictReviewer(c.District), null, null);
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.CityReviewer, null, null);
        var notice = await w.Workflow.PublishNoticeAsync(CaseWorld.CityReviewer, Year, [c.Id]);
        w.Clock.Now = w.Clock.Now.AddDays(10);
        await w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer);
        c = await ReloadAsync(w, c.Id);
        c = await w.Workflow.PayAsync(c.Id, c.Version, CaseWorld.CityFinance, Payer.City, "SZ-1");
        c = await w.Workflow.PayAsync(c.Id, c.Version, CaseWorld.DistrictFinance(c.District), Payer.District, "QX-1");
        Assert.Equal(CaseStatus.Paid, c.Status);
        return c;
    }

    /// <summary>A log entry written straight into the table, as one with database access (or an old version) would; no hash yet.</summary>
    private static DecisionRow Entry(long seq, int version, string previous, string action = "budget", long? caseId = null) => new()
    {
        Seq = seq, Version = version, At = new DateTime(2025, 1, 1, (int)(seq % 24), 0, 0, DateTimeKind.Utc), Actor = "city-finance", Role = "CityFinance",
        Address = "10.9.9.9", Action = action, CaseId = caseId, Transition = "", Detail = "{}", PrevHash = previous,
    };

    /// <summary>The hash the platform wrote before the key (version 1): SHA-256 of the fields, one a line.</summary>
    private static string UnkeyedHash(DecisionRow r) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
        r.Seq.ToString(CultureInfo.InvariantCulture),
        r.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        r.Actor, r.Role, r.Address, r.Action,
        r.CaseId?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Transition, r.Detail, r.PrevHash))));

    /// <summary>
    /// An expired document takes applications until its deadline and no longer: zzw2022-155's window ended 2023-12-31,
    /// so applications closed on 31 March 2024; on 1 April an application is refused, saying so in Chinese, and
    /// nothing is written.
    /// </summary>
    [Theory]
    [InlineData(Db.Sqlite)]
    public async Task An_application_after_its_documents_deadline_is_refused(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db, enterprises: 20);
        var d = await w.Store.StreamAsync().FirstAsync();
        var actor = new Actor("ent", Role.Enterprise, null, d.Uscc, "10.0.0.9");
        w.Clock.Now = new DateTimeOffset(2024, 3, 31, 15, 0, 0, TimeSpan.Zero); // 23:00 on 31 March in Beijing
        var inTime = await w.Workflow.ApplyAsync(actor, "zzw2022-155/12", null, 2023, 400_000m, "三星级上云，申领服务券", d.Name, d.District);
        Assert.Equal(CaseStatus.AwaitingApplication, inTime.Status);

        w.Clock.Now = new DateTimeOffset(2024, 3, 31, 16, 0, 0, TimeSpan.Zero); // 00:00 on 1 April in Beijing
        var other = new Actor("ent2", Role.Enterprise, null, "91410100MA3159566W", "10.0.0.9");
        var late = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(other, "zzw2022-155/12", null, 2023, 400_000m, "三星级上云，申领服务券", "郑州迟报科技有限公司", "金水区"));
        Assert.Equal("郑政文〔2022〕155号已失效（2023-12-31到期，已停止受理申请），不再受理申请", late.Chinese);
        await using var ctx = w.Cases.CreateDbContext();
        Assert.Equal(1, await ctx.Cases.CountAsync(c => c.Clause == "zzw2022-155/12"));
    }
}
