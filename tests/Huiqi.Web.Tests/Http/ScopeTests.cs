using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huiqi.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Accounts and scope over HTTP: each role sees what it may and no more; an id from another scope is a 404, never the
/// data. On both databases.
/// </summary>
public sealed class ScopeTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string> OtherDistrictEnterpriseAsync(HuiqiApp app, string district)
    {
        using var city = await app.SignedInAsync("city-review");
        var page = await JsonAsync(city, "/api/enterprises?pageSize=500");
        return page.GetProperty("items").EnumerateArray().First(e => e.GetProperty("district").GetString() != district).GetProperty("uscc").GetString()!;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_enterprise_sees_itself_only(Db db)
    {
        var app = await apps.GetAsync(db);
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[0];
        using var client = await app.SignedInAsync(uscc);

        var list = await JsonAsync(client, "/api/enterprises");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.Equal(uscc, list.GetProperty("items")[0].GetProperty("uscc").GetString());
        Assert.Equal(uscc, (await JsonAsync(client, $"/api/enterprises/{uscc}")).GetProperty("uscc").GetString());
        Assert.Equal(uscc, (await JsonAsync(client, $"/api/enterprises/{uscc}/evaluation")).GetProperty("uscc").GetString());

        var other = await OtherDistrictEnterpriseAsync(app, district);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{other}/evaluation")).StatusCode);
        var page = await client.GetAsync($"/enterprise/{other}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(other, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var own = await client.GetAsync($"/enterprise/{uscc}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("政策计算器", html, StringComparison.Ordinal);
        Assert.Contains("一企一档", html, StringComparison.Ordinal);
        Assert.Contains("可申请更正", html, StringComparison.Ordinal);

        // Lists are for the bureaus.
        var lists = await client.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, lists.StatusCode);
        Assert.Contains("/Account/AccessDenied", lists.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_district_reviewer_sees_its_district_only(Db db)
    {
        var app = await apps.GetAsync(db);
        const string district = "金水区";
        using var client = await app.SignedInAsync(HuiqiApp.Slug(district) + "-review");
        var list = await JsonAsync(client, "/api/enterprises?pageSize=500");
        Assert.True(list.GetProperty("count").GetInt32() > 0);
        Assert.All(list.GetProperty("items").EnumerateArray(), e => Assert.Equal(district, e.GetProperty("district").GetString()));

        // Asking for another district gives nothing, not that district.
        var asked = await JsonAsync(client, "/api/enterprises?district=" + Uri.EscapeDataString("二七区"));
        Assert.Equal(0, asked.GetProperty("count").GetInt32());

        var other = await OtherDistrictEnterpriseAsync(app, district);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprises/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/enterprise/{other}")).StatusCode);
        var mine = list.GetProperty("items")[0].GetProperty("uscc").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/enterprise/{mine}")).StatusCode);

        var html = await client.GetStringAsync("/enterprises");
        Assert.Contains("企业列表", html, StringComparison.Ordinal);
        Assert.DoesNotContain("二七区", html.Split("<table")[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task City_lists_filter_sort_and_page_on_the_server(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-finance");
        var all = await JsonAsync(client, "/api/enterprises?pageSize=20");
        Assert.Equal(200, all.GetProperty("count").GetInt32());
        Assert.Equal(20, all.GetProperty("items").GetArrayLength());
        var second = await JsonAsync(client, "/api/enterprises?pageSize=20&page=2");
        Assert.NotEqual(all.GetProperty("items")[0].GetProperty("uscc").GetString(), second.GetProperty("items")[0].GetProperty("uscc").GetString());

        var byTotal = await JsonAsync(client, "/api/enterprises?sort=total&pageSize=50");
        var totals = byTotal.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("total").GetDecimal()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        Assert.True(totals[0] > 0);

        var top = byTotal.GetProperty("items")[0];
        var clause = top.GetProperty("clauses")[0].GetString()!;
        var withClause = await JsonAsync(client, "/api/enterprises?pageSize=500&clause=" + Uri.EscapeDataString(clause));
        Assert.True(withClause.GetProperty("count").GetInt32() > 0);
        Assert.All(withClause.GetProperty("items").EnumerateArray(), e => Assert.Contains(clause, e.GetProperty("clauses").EnumerateArray().Select(c => c.GetString())));

        var aboveScale = await JsonAsync(client, "/api/enterprises?pageSize=500&trait=above-scale");
        Assert.InRange(aboveScale.GetProperty("count").GetInt32(), 1, 199);
        Assert.All(aboveScale.GetProperty("items").EnumerateArray(), e => Assert.Contains("above-scale", e.GetProperty("traits").EnumerateArray().Select(c => c.GetString())));

        var district = await JsonAsync(client, "/api/enterprises?pageSize=500&district=" + Uri.EscapeDataString("郑州高新区"));
        Assert.All(district.GetProperty("items").EnumerateArray(), e => Assert.Equal("郑州高新区", e.GetProperty("district").GetString()));

        var libraries = await JsonAsync(client, "/api/enterprises?pageSize=500");
        var library = libraries.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("libraries").EnumerateArray()).Select(l => l.GetString()).FirstOrDefault();
        if (library is not null)
        {
            var inLibrary = await JsonAsync(client, "/api/enterprises?pageSize=500&library=" + library);
            Assert.All(inLibrary.GetProperty("items").EnumerateArray(), e => Assert.Contains(library, e.GetProperty("libraries").EnumerateArray().Select(c => c.GetString())));
        }

        // The same filters on the page, and the xlsx export of the list with Chinese headers.
        var html = await client.GetStringAsync("/enterprises?sort=total&clause=" + Uri.EscapeDataString(clause));
        Assert.Contains(top.GetProperty("name").GetString()!, html, StringComparison.Ordinal);
        var export = await client.GetAsync("/enterprises?handler=Export&clause=" + Uri.EscapeDataString(clause));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        await using var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(withClause.GetProperty("count").GetInt32(), rows.Count);
        Assert.Contains("企业名称", rows[0].Keys);
        Assert.Contains("统一社会信用代码", rows[0].Keys);
        Assert.Contains("可享奖励合计（元）", rows[0].Keys);
        Assert.All(rows, r => Assert.Contains(clause, (string)r["奖励条款"], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Signing_in_needs_the_antiforgery_token_and_sets_secure_cookies(Db db)
    {
        var app = await apps.GetAsync(db);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/enterprises")).StatusCode);
        var home = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var forged = app.Client();
        var noToken = await Forms.SignInAsync(forged, "city-review", HuiqiApp.Password("city-review"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        using var client = app.Client();
        var ok = await Forms.SignInAsync(client, "city-review", HuiqiApp.Password("city-review"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var cookie = ok.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("huiqi.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("市工信局", await client.GetStringAsync("/"), StringComparison.Ordinal);

        // A form posted without its token is refused even when signed in.
        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_wrong_password_locks_the_account_after_the_set_number_of_tries(Db db)
    {
        var app = await apps.GetAsync(db);
        const string user = "huiji-finance";
        using var client = app.Client();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/session", new { userName = user, password = "Wrong-pass-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("登录失败", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await client.PostAsJsonAsync("/api/session", new { userName = user, password = "Wrong-pass-1" });
        Assert.Contains("账号已锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await client.PostAsJsonAsync("/api/session", new { userName = user, password = HuiqiApp.Password(user) });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_correction_asked_by_an_enterprise_reaches_its_district_only(Db db)
    {
        var app = await apps.GetAsync(db);
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[1];
        using var enterprise = await app.SignedInAsync(uscc);
        var text = $"项目P1竣工日期应为2025-06-30（{Guid.NewGuid():N}）";
        var posted = await Forms.PostAsync(enterprise, $"/enterprise/{uscc}", $"/enterprise/{uscc}?handler=Correction", new Dictionary<string, string> { ["Section"] = "projects", ["Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(text, await enterprise.GetStringAsync($"/enterprise/{uscc}"), StringComparison.Ordinal);

        using var reviewer = await app.SignedInAsync(HuiqiApp.Slug(district) + "-review");
        Assert.Contains(text, await reviewer.GetStringAsync("/corrections"), StringComparison.Ordinal);
        var otherDistrict = Huiqi.Engine.Model.Vocabulary.Districts.First(d => d != district);
        using var other = await app.SignedInAsync(HuiqiApp.Slug(otherDistrict) + "-review");
        Assert.DoesNotContain(text, await other.GetStringAsync("/corrections"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_correction_decided_once_stays_decided(Db db)
    {
        var app = await apps.GetAsync(db);
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[2];
        using var enterprise = await app.SignedInAsync(uscc);
        var text = $"研发费用应为1,200,000元（{Guid.NewGuid():N}）";
        var posted = await Forms.PostAsync(enterprise, $"/enterprise/{uscc}", $"/enterprise/{uscc}?handler=Correction", new Dictionary<string, string> { ["Section"] = "spending", ["Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        int id;
        await using (var web = await app.Services.GetRequiredService<IDbContextFactory<WebDbContext>>().CreateDbContextAsync())
        {
            id = (await web.Corrections.SingleAsync(c => c.Text == text)).Id;
        }

        Task<HttpResponseMessage> DecideAsync(HttpClient client, bool confirm, string note) => Forms.PostAsync(client, "/corrections", "/corrections?handler=Decide", new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["confirm"] = confirm ? "true" : "false",
            ["note"] = note,
        });

        // The administrator keeps accounts, not data decisions.
        using var admin = await app.SignedInAsync("admin");
        var denied = await DecideAsync(admin, confirm: false, "管理员退回");
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

        using var reviewer = await app.SignedInAsync(HuiqiApp.Slug(district) + "-review");
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, confirm: true, "已核对发票")).StatusCode);

        // Deciding it again, either way and by anyone of its scope, is refused and changes nothing.
        using var city = await app.SignedInAsync("city-review");
        foreach (var client in new[] { reviewer, city })
        {
            var again = await DecideAsync(client, confirm: false, "改为退回");
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            var page = System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
            Assert.Contains("处理结果不可更改", page, StringComparison.Ordinal);
            Assert.Contains("重新提交更正申请", page, StringComparison.Ordinal);
        }

        await using (var web = await app.Services.GetRequiredService<IDbContextFactory<WebDbContext>>().CreateDbContextAsync())
        {
            var row = await web.Corrections.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal((CorrectionRow.Confirmed, HuiqiApp.Slug(district) + "-review", "已核对发票"), (row.Status, row.DecidedBy, row.Note));
        }
    }
}
