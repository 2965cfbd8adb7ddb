using System.Globalization;
using System.Net;
using Huiqi.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Issue 13 over HTTP: an application beyond its bounds is refused; amounts and log rows changed behind the platform's
/// back leave every page answering and are reported on the decision log's page; the administrator neither reviews nor
/// pays. Each theory starts its own application, since it leaves rows no other test should meet.
/// </summary>
public sealed class CaseSafeguardTests
{
    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task An_application_beyond_its_bounds_is_refused_with_the_field_named(Db db)
    {
        await using var app = db == Db.Sqlite ? HuiqiApp.Sqlite() : await HuiqiApp.PostgresAsync();
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[^1];
        using var enterprise = await app.SignedInAsync(uscc);

        // The reproduction, and the two other fields it names: zz2023-23/8-major (重大工业项目一事一议) states no
        // amount, so the platform's ceiling of 1亿元 a line bounds it; its document runs from 2023-11-27.
        var refusals = new (string Field, string Value, string Says)[]
        {
            ("Requested", "79228162514264337593543950335", "申请金额"),
            ("AwardYear", "1900", "申报年度1900年"),
            ("Item", new string('项', 5000), "申报事项不能超过200字"),
        };
        foreach (var (field, value, says) in refusals)
        {
            var fields = new Dictionary<string, string>
            {
                ["ClauseId"] = "zz2023-23/8-major",
                ["AwardYear"] = HuiqiApp.Year.ToString(CultureInfo.InvariantCulture),
                ["Requested"] = "500000",
                ["Account"] = "重大工业项目，申请一事一议支持",
                [field] = value,
            };
            var answer = await Forms.PostAsync(enterprise, "/cases/apply", "/cases/apply", fields);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains(says, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        Assert.False(await store.Cases.AnyAsync(c => c.Uscc == uscc && c.Clause == "zz2023-23/8-major"));
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task Rows_changed_behind_the_platform_leave_every_page_answering_and_are_reported(Db db)
    {
        await using var app = db == Db.Sqlite ? HuiqiApp.Sqlite() : await HuiqiApp.PostgresAsync();
        var steps = new CaseSteps(app);
        using var city = await app.SignedInAsync("city-review");
        var first = await steps.PushedAsync();
        var second = await steps.PushedAsync(false, first.Id);
        foreach (var c in new[] { first, second })
        {
            await steps.ToCityAsync(c);
            await CaseSteps.ToCityReviewAsync(city, c.Id);
            await CaseSteps.DoAsync(city, c.Id, "Pass");
        }

        var notice = await CaseSteps.NoticeAsync(app, city);

        // The largest amount each database keeps (SQLite: decimal's largest, as the probe stored it;
        // PostgreSQL: numeric(20,2)'s) on both listed cases: their sum does not fit a decimal on SQLite.
        var huge = db == Db.Sqlite ? decimal.MaxValue : 999_999_999_999_999_999.99m;
        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            await store.Database.ExecuteSqlRawAsync("UPDATE cases SET \"Amount\" = {0} WHERE \"Id\" IN ({1}, {2})", huge, first.Id, second.Id);
            var last = await store.Decisions.OrderBy(d => d.Seq).LastAsync();
            store.Decisions.Add(new DecisionRow
            {
                Seq = last.Seq + 1, Version = DecisionLog.CurrentVersion, At = DateTime.UtcNow, Actor = "city-finance", Role = "CityFinance",
                Address = "10.9.9.9", Action = "pay", CaseId = first.Id, Transition = "", Detail = "{}", PrevHash = last.Hash, Hash = "abc",
            });
            await store.SaveChangesAsync();
        }

        using var finance = await app.SignedInAsync("city-finance");
        foreach (var (client, url) in new[] { (city, "/cases/notices"), (city, $"/cases/notices/{notice}"), (finance, "/cases/payments"), (city, $"/cases/budgets?year={HuiqiApp.Year}"), (city, "/cases") })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
            if (db == Db.Sqlite && url.StartsWith("/cases/notices", StringComparison.Ordinal))
            {
                Assert.Contains("无法合计", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The log's page answers, shows the short hash as it is, and says where and how the chain and the cases break.
        var decisions = await city.GetAsync("/cases/decisions");
        Assert.Equal(HttpStatusCode.OK, decisions.StatusCode);
        var html = WebUtility.HtmlDecode(await decisions.Content.ReadAsStringAsync());
        Assert.Contains("哈希链在第", html, StringComparison.Ordinal);
        Assert.Contains("密钥哈希校验失败", html, StringComparison.Ordinal);
        Assert.Contains($"事项#{first.Id}的金额与其最后一条办理留痕", html, StringComparison.Ordinal);
        Assert.Contains($"事项#{second.Id}的金额与其最后一条办理留痕", html, StringComparison.Ordinal);
        Assert.Contains(">abc<", html, StringComparison.Ordinal);

        // And the work goes on: the next step chains after the forged row instead of failing as a conflict.
        var third = await steps.PushedAsync(false, first.Id, second.Id);
        using var enterprise = await app.SignedInAsync(third.Uscc);
        await CaseSteps.DoAsync(enterprise, third.Id, "Confirm");
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task The_administrator_can_neither_review_nor_pay(Db db)
    {
        await using var app = db == Db.Sqlite ? HuiqiApp.Sqlite() : await HuiqiApp.PostgresAsync();
        var steps = new CaseSteps(app);
        var c = await steps.PushedAsync();
        using (var enterprise = await app.SignedInAsync(c.Uscc))
        {
            await CaseSteps.DoAsync(enterprise, c.Id, "Confirm");
        }

        using var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync(CaseSteps.Url(c.Id));
        Assert.DoesNotContain("id=\"pass\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseSteps.StepAsync(admin, c.Id, "Pass")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseSteps.StepAsync(admin, c.Id, "Reject", new Dictionary<string, string> { ["reason"] = "不符合条件" })).StatusCode);

        using var district = await app.SignedInAsync(HuiqiApp.Slug(c.District) + "-review");
        await CaseSteps.DoAsync(district, c.Id, "Pass");
        using var city = await app.SignedInAsync("city-review");
        await CaseSteps.ToCityReviewAsync(city, c.Id);
        await CaseSteps.DoAsync(city, c.Id, "Pass");
        await CaseSteps.NoticeAsync(app, city);
        foreach (var (_, payer) in CaseSteps.Payers(c))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await CaseSteps.StepAsync(admin, c.Id, "Pay", new Dictionary<string, string> { ["payer"] = payer, ["voucher"] = "ADM-1" })).StatusCode);
        }

        Assert.Equal(CaseStatus.Approved, (await CaseSteps.GetAsync(city, c.Id)).Status);
    }
}
