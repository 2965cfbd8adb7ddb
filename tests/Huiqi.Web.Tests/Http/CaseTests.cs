using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Huiqi.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The award path over HTTP on both databases, on the demo city whose 2024 batch ran at start: scope (another's case
/// is a 404), a pushed case from the enterprise's confirmation to both payments and the ledger, two reviewers approving
/// one case at once, and the notice as an xlsx with Chinese headers.
/// </summary>
public sealed partial class CaseTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>A pushed case confirmed, recommended and through the steps its clause names: at the city's own review.</summary>
    private async Task<(HuiqiApp App, CaseSteps Steps, CaseSeen Case, HttpClient City)> AtCityReviewAsync(Db db)
    {
        var app = await apps.GetAsync(db);
        var steps = new CaseSteps(app);
        var c = await steps.PushedAsync();
        await steps.ToCityAsync(c);
        var city = await app.SignedInAsync("city-review");
        await CaseSteps.ToCityReviewAsync(city, c.Id);
        return (app, steps, c, city);
    }

    private static IEnumerable<string> AccountSeederDistricts => Huiqi.Web.Accounts.AccountSeeder.DistrictSlugs.Keys;

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task A_case_is_seen_by_its_enterprise_district_and_the_city_only(Db db)
    {
        var app = await apps.GetAsync(db);
        var c = await new CaseSteps(app).PushedAsync();
        using var own = await app.SignedInAsync(c.Uscc);
        var page = await own.GetAsync(CaseSteps.Url(c.Id));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("确认享受", html, StringComparison.Ordinal);
        // The clause as the bureaus cite it (its id stays in the link only).
        Assert.Contains(ClauseName(app, c.Clause), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // Another enterprise, and the office of another district: not found, on the page, the API and a step.
        var other = (await app.EnterpriseAccountsAsync()).First(a => a.Uscc != c.Uscc);
        using var stranger = await app.SignedInAsync(other.Uscc);
        var hidden = await stranger.GetAsync(CaseSteps.Url(c.Id));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(c.Uscc, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CaseSteps.StepAsync(stranger, c.Id, "Confirm", version: c.Version)).StatusCode);
        var strangerList = await stranger.GetFromJsonAsync<JsonElement>($"/api/cases?year={HuiqiApp.Year}");
        Assert.All(strangerList.GetProperty("items").EnumerateArray(), i => Assert.Equal(other.Uscc, i.GetProperty("uscc").GetString()));

        var elsewhere = AccountSeederDistricts.First(d => d != c.District);
        using var district = await app.SignedInAsync(HuiqiApp.Slug(elsewhere) + "-review");
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync(CaseSteps.Url(c.Id))).StatusCode);
        // Asking the list for another district gives nothing of it.
        var asked = await district.GetFromJsonAsync<JsonElement>($"/api/cases?district={Uri.EscapeDataString(c.District)}");
        Assert.Equal(0, asked.GetProperty("count").GetInt32());

        using var home = await app.SignedInAsync(HuiqiApp.Slug(c.District) + "-review");
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync(CaseSteps.Url(c.Id))).StatusCode);

        // The city's list filters on the server: by clause and district, every row matches, and the count is the database's.
        using var city = await app.SignedInAsync("city-review");
        var filtered = await city.GetFromJsonAsync<JsonElement>($"/api/cases?year={HuiqiApp.Year}&clause={Uri.EscapeDataString(c.Clause)}&district={Uri.EscapeDataString(c.District)}");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal(c.Clause, i.GetProperty("clause").GetString());
            Assert.Equal(c.District, i.GetProperty("district").GetString());
        });
        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        Assert.Equal(await store.Cases.CountAsync(x => x.AwardYear == HuiqiApp.Year && x.Clause == c.Clause && x.District == c.District), filtered.GetProperty("count").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task A_pushed_case_goes_from_confirmation_to_both_payments_and_the_ledger(Db db)
    {
        var app = await apps.GetAsync(db);
        var steps = new CaseSteps(app);
        var c = await steps.PushedAsync(paidOnce: true);
        Assert.True(await steps.EngineOffersAsync(c), "before payment the engine offers the award");

        // A decline or a return without a reason is refused, in Chinese, and changes nothing.
        using (var enterprise = await app.SignedInAsync(c.Uscc))
        {
            var declined = await CaseSteps.StepAsync(enterprise, c.Id, "Decline", new Dictionary<string, string> { ["reason"] = " " });
            Assert.Equal(HttpStatusCode.BadRequest, declined.StatusCode);
            Assert.Contains("理由", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(CaseStatus.AwaitingConfirmation, (await CaseSteps.GetAsync(enterprise, c.Id)).Status);
        }

        await steps.ToCityAsync(c);
        using var city = await app.SignedInAsync("city-review");
        await CaseSteps.ToCityReviewAsync(city, c.Id);
        await CaseSteps.DoAsync(city, c.Id, "Pass");
        Assert.Equal(CaseStatus.ReadyForNotice, (await CaseSteps.GetAsync(city, c.Id)).Status);
        var notice = await CaseSteps.NoticeAsync(app, city);
        var approved = await CaseSteps.GetAsync(city, c.Id);
        Assert.Equal(CaseStatus.Approved, approved.Status);
        Assert.Contains(c.Uscc, await city.GetStringAsync($"/cases/notices/{notice}"), StringComparison.Ordinal);

        await steps.PayAsync(c);
        var paid = await CaseSteps.GetAsync(city, c.Id);
        Assert.Equal(CaseStatus.Paid, paid.Status);

        // The ledger holds the award once, at the amount the engine proposed (nobody lowered it), split as proposed.
        var grant = Assert.Single(await steps.GrantsAsync(c));
        Assert.Equal(c.Amount, grant.Amount);
        Assert.Equal(c.Amount, c.CityShare + c.DistrictShare);
        Assert.Equal(c.Amount, (await CaseSteps.GetAsync(city, c.Id)).Amount);
        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            var payments = await store.Payments.Where(p => p.CaseId == c.Id).ToListAsync();
            Assert.Equal(CaseSteps.Payers(c).Count(), payments.Count);
            Assert.Equal(c.CityShare, payments.Where(p => p.Payer == Payer.City).Sum(p => p.Amount));
            Assert.Equal(c.DistrictShare, payments.Where(p => p.Payer == Payer.District).Sum(p => p.Amount));
        }

        Assert.False(await steps.EngineOffersAsync(c), "after payment the next evaluation no longer offers the award");

        // The city's finance downloads the payments: Chinese headers, one row per share paid, amounts as recorded.
        using (var finance = await app.SignedInAsync("city-finance"))
        {
            var rows = await XlsxRowsAsync(finance, $"/cases/payments?handler=Export&year={HuiqiApp.Year}");
            Assert.Contains("拨付凭证号", rows[0].Keys);
            var mine = rows.Where(r => Convert.ToInt64(r["事项编号"], System.Globalization.CultureInfo.InvariantCulture) == c.Id).ToList();
            Assert.Equal(c.Amount, mine.Sum(r => Convert.ToDecimal(r["拨付金额（元）"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The enterprise rates the service; the city sees it on the budgets page; the history has every step.
        using var own = await app.SignedInAsync(c.Uscc);
        await CaseSteps.DoAsync(own, c.Id, "Rate", new Dictionary<string, string> { ["score"] = "5", ["comment"] = "办理快" });
        var history = await own.GetStringAsync(CaseSteps.Url(c.Id));
        foreach (var step in new[] { "平台比对推送（免申即享）", "企业确认", "列入公示", "公示期满", "拨付", "企业评价" })
        {
            Assert.Contains(step, history, StringComparison.Ordinal);
        }

        var budgets = await city.GetStringAsync($"/cases/budgets?year={HuiqiApp.Year}");
        var ratings = budgets[budgets.IndexOf("id=\"ratings\"", StringComparison.Ordinal)..];
        Assert.Contains(ClauseName(app, c.Clause), System.Net.WebUtility.HtmlDecode(ratings), StringComparison.Ordinal);
        Assert.Contains(c.District, ratings, StringComparison.Ordinal);

        var decisions = await city.GetStringAsync("/cases/decisions");
        Assert.Contains("链完整", decisions, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task Two_reviewers_approving_one_case_at_once_give_one_approval_and_one_payment(Db db)
    {
        var (app, steps, c, first) = await AtCityReviewAsync(db);
        // Two sessions of the city's reviewer (the administrator no longer reviews: 不相容岗位分离).
        using var second = await app.SignedInAsync("city-review");

        // Both read the page at the same version, then both approve at once.
        var version = (await CaseSteps.GetAsync(first, c.Id)).Version;
        var tokens = await Task.WhenAll(Forms.TokenAsync(first, CaseSteps.Url(c.Id)), Forms.TokenAsync(second, CaseSteps.Url(c.Id)));
        var answers = await Task.WhenAll(
            Post(first, tokens[0]),
            Post(second, tokens[1]));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("已被他人处理", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            var passes = await store.Decisions.Where(d => d.CaseId == c.Id && d.Action == "pass" && d.Transition.StartsWith(CaseStatus.CityReview.Code())).CountAsync();
            Assert.Equal(1, passes);
        }

        await CaseSteps.NoticeAsync(app, first);
        await steps.PayAsync(c);

        // Paying a share again pays nothing more.
        var (user, payer) = CaseSteps.Payers(c).First();
        using var finance = await app.SignedInAsync(user);
        var again = await CaseSteps.StepAsync(finance, c.Id, "Pay", new Dictionary<string, string> { ["payer"] = payer, ["voucher"] = "again" });
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            Assert.Equal(CaseSteps.Payers(c).Count(), await store.Payments.CountAsync(p => p.CaseId == c.Id));
        }

        Assert.Single(await steps.GrantsAsync(c));

        Task<HttpResponseMessage> Post(HttpClient client, string token) => client.PostAsync($"{CaseSteps.Url(c.Id)}?handler=Pass", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task A_notice_holds_objections_and_downloads_as_xlsx_with_Chinese_headers(Db db)
    {
        var (app, _, c, city) = await AtCityReviewAsync(db);
        await CaseSteps.DoAsync(city, c.Id, "Pass");

        // While the notice is open an objection is recorded against the case; closing the notice leaves the case in notice
        // until the objection is resolved; dismissed, the case is approved.
        var notice = await CaseSteps.NoticeAsync(app, city, async url =>
            await PostNoticeAsync(city, url, "Object", new() { ["caseId"] = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["from"] = "张三（实名）", ["text"] = "该企业主营业务收入数据存疑" }));
        Assert.Equal(CaseStatus.InNotice, (await CaseSteps.GetAsync(city, c.Id)).Status);
        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            var objection = await store.Objections.SingleAsync(o => o.CaseId == c.Id);
            await PostNoticeAsync(city, $"/cases/notices/{notice}", "Resolve", new() { ["objection"] = objection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["upheld"] = "false", ["resolution"] = "经核查统计数据无误" });
        }

        Assert.Equal(CaseStatus.Approved, (await CaseSteps.GetAsync(city, c.Id)).Status);

        var rows = await XlsxRowsAsync(city, $"/cases/notices/{notice}?handler=Export");
        Assert.Equal(["序号", "企业名称", "统一社会信用代码", "所属区县", "政策条款", "条款名称", "支持事项", "拟支持金额（元）", "市级承担（元）", "区级承担（元）"], rows[0].Keys);
        var row = Assert.Single(rows, r => (string?)r["统一社会信用代码"] == c.Uscc && (string?)r["政策条款"] == c.Clause);
        // Beside the id, the clause as the bureaus cite it (郑政〔2023〕23号第九条“…”).
        Assert.Equal(app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog.ClausesById[c.Clause].Name, (string?)row["条款名称"]);
        Assert.Equal(c.Amount, Convert.ToDecimal(row["拟支持金额（元）"], System.Globalization.CultureInfo.InvariantCulture));

        // The printable page carries the official wording and the print stylesheet hides the forms.
        var html = await city.GetStringAsync($"/cases/notices/{notice}");
        Assert.Contains("如有异议，请于公示期内以书面形式实名向市工信局反映", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task An_enterprise_applies_with_documents_checked_for_type_and_size(Db db)
    {
        var app = await apps.GetAsync(db);
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[^1];
        using var enterprise = await app.SignedInAsync(uscc);

        // A clause the apply page offers that the enterprise has no case under this year (a second would be refused).
        string clause;
        await using (var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            var taken = await store.Cases.Where(x => x.Uscc == uscc && x.AwardYear == HuiqiApp.Year).Select(x => x.Clause).ToListAsync();
            var offered = Option().Matches(await enterprise.GetStringAsync("/cases/apply")).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(offered);
            clause = offered.First(o => !taken.Contains(o));
        }

        // The amount is the enterprise's own request (50,000 yuan, below every application clause's cap), kept as asked.
        var created = await Forms.PostAsync(enterprise, "/cases/apply", "/cases/apply", new Dictionary<string, string>
        {
            ["ClauseId"] = clause,
            ["AwardYear"] = HuiqiApp.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Requested"] = "50000",
            ["Account"] = "项目已竣工投产，附竣工验收报告；收款账户：中国银行郑州分行 123456789",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"apply: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = long.Parse(created.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var c = await CaseSteps.GetAsync(enterprise, id);
        Assert.Equal((CaseStatus.AwaitingApplication, 50000m, clause), (c.Status, c.Amount, c.Clause));

        // An executable, a file whose content is not what its name says, and one over the limit are refused in Chinese.
        var limit = app.Services.GetRequiredService<CaseSettings>().MaxAttachmentBytes;
        // A whole PDF (header, an object, the cross-reference pointer, %%EOF): the check reads more than the first bytes.
        var pdf = "%PDF-1.4\n%验收报告\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"u8.ToArray();
        foreach (var (name, content, says) in new[] { ("setup.exe", pdf, "类型不受支持"), ("报告.pdf", "MZ"u8.ToArray(), "不符"), ("大文件.pdf", pdf.Concat(new byte[limit]).ToArray(), "MB") })
        {
            var refused = await AttachAsync(enterprise, id, name, content);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(says, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(enterprise, id, "竣工验收报告.pdf", pdf)).StatusCode);
        var html = await enterprise.GetStringAsync(CaseSteps.Url(id));
        var link = System.Net.WebUtility.HtmlDecode(Attachment().Match(html).Groups[1].Value);
        Assert.Equal(pdf, await enterprise.GetByteArrayAsync(link));
        await CaseSteps.DoAsync(enterprise, id, "Submit");
        Assert.Equal(CaseStatus.DistrictReview, (await CaseSteps.GetAsync(enterprise, id)).Status);

        // Its district sees it and its documents; another enterprise gets neither.
        using var reviewer = await app.SignedInAsync(HuiqiApp.Slug(district) + "-review");
        Assert.Equal(pdf, await reviewer.GetByteArrayAsync(link));
        using var stranger = await app.SignedInAsync((await app.EnterpriseAccountsAsync())[0].Uscc);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).StatusCode);

        // A reviewer lowering the amount must say why.
        var lowered = await CaseSteps.StepAsync(reviewer, id, "Pass", new Dictionary<string, string> { ["amount"] = "40000" });
        Assert.Equal(HttpStatusCode.BadRequest, lowered.StatusCode);
        Assert.Contains("理由", await lowered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await CaseSteps.DoAsync(reviewer, id, "Pass", new Dictionary<string, string> { ["amount"] = "40000", ["reason"] = "验收报告所列投资额低于申请" });
        Assert.Equal(40000m, (await CaseSteps.GetAsync(reviewer, id)).Amount);

        // The case's history reads the step out in Chinese: the amount passed and the reviewer's reason.
        var history = System.Net.WebUtility.HtmlDecode(await enterprise.GetStringAsync(CaseSteps.Url(id)));
        Assert.Contains("金额：40,000元", history, StringComparison.Ordinal);
        Assert.Contains("理由：验收报告所列投资额低于申请", history, StringComparison.Ordinal);
    }

    private static async Task PostNoticeAsync(HttpClient city, string url, string handler, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(city, url, $"{url}?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} on {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>An xlsx download's rows, by its header row.</summary>
    private static async Task<List<IDictionary<string, object?>>> XlsxRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, long id, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Forms.TokenAsync(client, CaseSteps.Url(id))), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", name },
        };
        return await client.PostAsync($"{CaseSteps.Url(id)}?handler=Attach", form);
    }

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Option();

    [GeneratedRegex("href=\"(/cases/[0-9]+\\?handler=Attachment&amp;file=[0-9]+)\"")]
    private static partial Regex Attachment();

    /// <summary>A clause as the pages name it (郑政〔2023〕23号第九条“…”).</summary>
    private static string ClauseName(HuiqiApp app, string clause) =>
        app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog.ClausesById[clause].Name;
}
