using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Huiqi.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// What the application answers at its edge before any policy is worked out: a bad query value, a content type or a
/// charset it does not take, a batch line over its cap, a bare status page, a refused sign-in, a cookie after sign-out.
/// </summary>
public sealed class EdgeTests(Apps apps) : IClassFixture<Apps>
{
    internal const string Sensor = """{"uscc":"91410100MA3159566W","name":"郑州示例传感科技有限公司","district":"郑州高新区","traits":["industrial","manufacturing","above-scale","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000}},"projects":[{"id":"P1","kind":"tech-reform","sei":true,"totalInvestment":30000000,"equipmentInvestment":24000000,"completedOn":"2024-05-31"}]}""";

    public static TheoryData<Db> Engines => Apps.Engines();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_bad_query_value_is_a_400_problem_naming_the_field_in_chinese_and_english()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = app.Client();
        foreach (var (query, field, value, why) in new[] { ("year=abc", "year", "abc", "应为整数"), ("year=2024&hints=maybe", "hints", "maybe", "应为 true 或 false"), ("year=2024&trace=2", "trace", "2", "应为 true 或 false") })
        {
            foreach (var (path, type) in new[] { ("/api/evaluate", "application/json"), ("/api/evaluate/batch", "application/x-ndjson") })
            {
                var problem = await ProblemAsync(await client.PostAsync($"{path}?{query}", new StringContent(Sensor, Encoding.UTF8, type)), HttpStatusCode.BadRequest);
                var detail = problem.GetProperty("detail").GetString()!;
                Assert.Equal(field, problem.GetProperty("field").GetString());
                Assert.Contains($"参数 {field} 的值“{value}”无效：{why}", detail, StringComparison.Ordinal);
                Assert.Contains($"the parameter {field} has an invalid value \"{value}\"", detail, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_wrong_content_type_on_an_anonymous_endpoint_is_a_415_not_a_sign_in()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = app.Client();
        var evaluate = await ProblemAsync(await client.PostAsync("/api/evaluate?year=2024", new StringContent(Sensor, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/plain", evaluate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("不接受内容类型", evaluate.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var session = await client.PostAsync("/api/session", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "city-review", ["password"] = "x" }));
        await ProblemAsync(session, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Both_evaluation_endpoints_take_UTF8_and_refuse_UTF16_alike()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = app.Client();
        byte[] utf16 = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Sensor)];
        byte[] utf8 = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Sensor)];
        foreach (var (path, type) in new[] { ("/api/evaluate?year=2024", "application/json"), ("/api/evaluate/batch?year=2024", "application/x-ndjson") })
        {
            var marked = new ByteArrayContent(utf16);
            marked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            var byMark = await ProblemAsync(await client.PostAsync(path, marked), HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("UTF-16", byMark.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("只接受 UTF-8", byMark.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var named = new ByteArrayContent(utf16);
            named.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type) { CharSet = "utf-16" };
            var byName = await ProblemAsync(await client.PostAsync(path, named), HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("utf-16", byName.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var good = new ByteArrayContent(utf8);
            good.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type) { CharSet = "utf-8" };
            var answered = await client.PostAsync(path, good);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Contains("\"uscc\":", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_batch_line_over_its_cap_is_answered_as_an_error_on_its_own_line_and_the_rest_go_on()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = app.Client();
        // A valid dossier padded with white space to 1.5 MB: over the 1 MB cap a line, though it would evaluate.
        var padded = Sensor[..1] + new string(' ', (3 * 1024 * 1024 / 2) - Sensor.Length) + Sensor[1..];
        var body = string.Join("\n", Sensor, padded, "", Sensor);
        using var response = await client.PostAsync("/api/evaluate/batch?year=2024", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal("91410100MA3159566W", lines[0].GetProperty("uscc").GetString());
        var error = lines[1].GetProperty("errors")[0];
        Assert.Equal("(root)", error.GetProperty("path").GetString());
        Assert.Contains("超过 1048576 字节的行长度上限", error.GetProperty("chinese").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].GetProperty("empty").GetBoolean());
        Assert.Equal(lines[0].GetProperty("total").GetDecimal(), lines[3].GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task The_status_page_opened_by_itself_is_a_404_page_not_a_500()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = app.Client();
        foreach (var url in new[] { "/Status", "/Status?code=500", "/Status?code=abc" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("未找到（404）", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_unknown_account_a_wrong_password_and_a_locked_account_are_answered_alike(Db db)
    {
        var app = await apps.GetAsync(db);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HuiqiUser>>();
            var locked = (await users.FindByNameAsync("huiji-review"))!;
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        using var client = app.Client();
        var answers = new List<(HttpStatusCode, string?, string?)>();
        foreach (var (user, password) in new[] { ("no-such-account", "Wrong-pass-1"), ("jinshui-review", "Wrong-pass-1"), ("huiji-review", HuiqiApp.Password("huiji-review")) })
        {
            var response = await client.PostAsJsonAsync("/api/session", new { userName = user, password });
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            answers.Add((response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Item1);
        Assert.All(answers, a => Assert.Equal(answers[0], a));

        // The sign-in page reads alike too.
        var pages = new List<string>();
        foreach (var (user, password) in new[] { ("no-such-account", "Wrong-pass-1"), ("jinshui-review", "Wrong-pass-1"), ("huiji-review", HuiqiApp.Password("huiji-review")) })
        {
            using var browser = app.Client();
            var page = await Forms.SignInAsync(browser, user, password);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            pages.Add(System.Text.RegularExpressions.Regex.Match(html, "id=\"login-error\">([^<]*)<").Groups[1].Value);
        }

        Assert.NotEqual("", pages[0]);
        Assert.All(pages, p => Assert.Equal(pages[0], p));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_cookie_taken_before_sign_out_opens_nothing_afterwards(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        const string user = "city-finance";
        var signIn = await client.PostAsJsonAsync("/api/session", new { userName = user, password = HuiqiApp.Password(user) });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("huiqi.auth=", StringComparison.Ordinal)).Split(';')[0];

        HttpRequestMessage With(HttpMethod method, string url)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Add("Cookie", cookie);
            return request;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(With(HttpMethod.Get, "/api/session"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(With(HttpMethod.Get, "/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(With(HttpMethod.Delete, "/api/session"))).StatusCode);

        // The copy kept from before is refused: the API with 401, a page by sending to the sign-in form.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(With(HttpMethod.Get, "/api/session"))).StatusCode);
        var home = await client.SendAsync(With(HttpMethod.Get, "/"));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Signing in again works, and locking the account ends that session too.
        using var again = await app.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/session")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HuiqiUser>>();
            var account = (await users.FindByNameAsync(user))!;
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddMinutes(15));
            try
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/session")).StatusCode);
            }
            finally
            {
                await users.SetLockoutEndDateAsync(account, null);
            }
        }
    }
}
