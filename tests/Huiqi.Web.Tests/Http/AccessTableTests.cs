using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Every role over every route, against one table. The routes are read from the application's
/// <see cref="EndpointDataSource"/>, so a new page or endpoint fails this test until the table says who may use it; each
/// GET route is asked by every demo role (and by one not signed in) with its parameters filled from the demo city's real
/// data, and the answer must be the table's: allowed, 404 (out of scope or not there), 403, sent to the sign-in form, or
/// sent to the access-denied page. Routes that change state are listed (so none is forgotten) and walked by the tests
/// of their own steps.
/// </summary>
public sealed class AccessTableTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>The columns of the table: who asks.</summary>
    private static readonly string[] Who = ["anonymous", "enterprise", "district-review", "district-finance", "city-review", "city-finance", "admin"];

    /// <summary>
    /// What each role gets from each GET route, one letter per column of <see cref="Who"/>: o allowed (200), r sent on
    /// elsewhere (a redirect that is the page's answer), n 404, f 403, l to the sign-in form (pages) or u 401 (API), d to
    /// the access-denied page (a page's 403).
    /// </summary>
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        [""] = "loooooo",
        ["Index"] = "loooooo",
        ["Status"] = "nnnnnnn",
        ["Account/Login"] = "ooooooo",
        ["Account/Logout"] = "rrrrrrr",
        ["Account/AccessDenied"] = "ooooooo",
        ["help"] = "ooooooo",
        ["enterprises"] = "ldooooo",
        ["enterprise/{uscc}"] = "loooooo",
        ["corrections"] = "ldooooo",
        ["dashboard"] = "ldooooo",
        ["monitoring/reports"] = "ldooooo",
        ["monitoring/watchlist"] = "ldooooo",
        ["libraries"] = "ldooooo",
        ["libraries/{library}/{uscc}"] = "ldooooo",
        ["tasks"] = "ldooooo",
        ["tasks/bulletin"] = "ldooooo",
        ["tasks/report"] = "ldodooo",
        ["tasks/{document}/{number}"] = "ldooooo",
        ["simulation"] = "ldddooo",
        ["simulation/compare"] = "ldddrrr",
        ["simulation/forecast"] = "ldddooo",
        ["simulation/renewal"] = "ldddooo",
        ["simulation/runs/{id:int}"] = "ldddnnn",
        ["admin/users"] = "ldddddo",
        ["uploads/errors/{id}"] = "lnnnnnn",
        ["policies"] = "loooooo",
        ["policies/{doc}"] = "loooooo",
        ["policies/{doc}/{article}"] = "loooooo",
        ["cases"] = "loooooo",
        ["cases/{id:long}"] = "loooooo",
        ["cases/apply"] = "loddddd",
        ["cases/notices"] = "ldooooo",
        ["cases/notices/{id:long}"] = "ldnnnnn",
        ["cases/payments"] = "ldooooo",
        ["cases/budgets"] = "ldooooo",
        ["cases/decisions"] = "ldddooo",
        ["cases/batch"] = "ldddooo",
        ["api/session"] = "uoooooo",
        ["api/enterprises"] = "uoooooo",
        ["api/enterprises/{uscc}"] = "uoooooo",
        ["api/enterprises/{uscc}/evaluation"] = "uoooooo",
        ["api/cases"] = "uoooooo",
        ["api/cases/{id:long}"] = "uoooooo",
        ["healthz"] = "ooooooo",
        ["{**path:file}"] = "lnnnnnn",
        ["openapi/{documentName}.json"] = "ooooooo",
    };

    /// <summary>The routes that only change state (sign in and out, evaluate, take a step), walked by their own tests.</summary>
    private static readonly HashSet<string> NotWalked = new(StringComparer.Ordinal)
    {
        "POST api/session",
        "DELETE api/session",
        "POST api/evaluate",
        "POST api/evaluate/batch",
        "POST api/cases/{id:long}/{step}",
    };

    [Fact]
    public async Task Every_role_gets_the_tables_answer_on_every_route()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var routes = Routes(app);
        var get = routes.Where(r => r.Methods.Contains("GET")).Select(r => r.Pattern).ToHashSet(StringComparer.Ordinal);
        var other = routes.SelectMany(r => r.Methods.Where(m => m is not ("GET" or "HEAD")).Select(m => $"{m} {r.Pattern}")).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(get.Except(Table.Keys).Order());
        Assert.Empty(Table.Keys.Except(get).Order());
        Assert.Empty(other.Except(NotWalked).Order());
        Assert.Empty(NotWalked.Except(other).Order());

        var values = await ValuesAsync(app);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { ["anonymous"] = app.Client() };
        foreach (var who in Who.Skip(1))
        {
            clients[who] = await app.SignedInAsync(Account(who, values));
        }

        var wrong = new StringBuilder();
        var seen = new StringBuilder();
        foreach (var pattern in Table.Keys.Order(StringComparer.Ordinal).Where(p => p != "Account/Logout").Append("Account/Logout"))
        {
            var url = "/" + Fill(Aliased(pattern), values);
            var answers = new StringBuilder();
            foreach (var who in Who)
            {
                answers.Append(await AnswerAsync(clients[who], url));
            }

            seen.AppendLine($"[\"{pattern}\"] = \"{answers}\",");
            if (answers.ToString() != Table[pattern])
            {
                wrong.AppendLine($"{url}: expected {Table[pattern]}, got {answers}");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(wrong.Length == 0, $"{wrong}\nas answered:\n{seen}");
    }

    /// <summary>One letter for a response (see <see cref="Table"/>).</summary>
    private static async Task<char> AnswerAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => 'o',
            HttpStatusCode.NotFound => 'n',
            HttpStatusCode.Forbidden => 'f',
            HttpStatusCode.Unauthorized => 'u',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login", StringComparison.Ordinal) => 'l',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => 'd',
            HttpStatusCode.Redirect => 'r',
            _ => '?',
        };
    }

    /// <summary>Every route endpoint's pattern (as written, without the slashes around it) and its HTTP methods (GET when any; HEAD goes with GET).</summary>
    private static List<(string Pattern, IReadOnlyList<string> Methods)> Routes(HuiqiApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .Select(e => (e.RoutePattern.RawText!.Trim('/'), (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])))
            .GroupBy(r => r.Item1, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.SelectMany(r => r.Item2).Distinct().Order()]))];
    }

    /// <summary>A file of wwwroot served by MapStaticAssets: one endpoint per file, none with a parameter but the file's.</summary>
    private static bool IsStaticAsset(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);

    /// <summary>A route whose parameter names another thing than the same name elsewhere: a library's member, a notice.</summary>
    private static string Aliased(string pattern) => pattern switch
    {
        "libraries/{library}/{uscc}" => "libraries/{library}/{member}",
        "cases/notices/{id:long}" => "cases/notices/{notice}",
        _ => pattern,
    };

    /// <summary>A route with its parameters filled from the demo city.</summary>
    private static string Fill(string pattern, IReadOnlyDictionary<string, string> values)
    {
        var url = pattern;
        foreach (var (name, value) in values)
        {
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        return url;
    }

    private static string Account(string who, IReadOnlyDictionary<string, string> values) => who switch
    {
        "enterprise" => values["uscc"],
        "district-review" => values["slug"] + "-review",
        "district-finance" => values["slug"] + "-finance",
        _ => who,
    };

    /// <summary>
    /// Real ids of the demo city: an enterprise account with a case, its district's accounts, a library member of that
    /// district, a task, a clause. The demo city has no notice yet, and the stores of uploads' error lists and of simulation
    /// runs start empty, so their ids are ones that do not exist (404 for whoever may ask).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ValuesAsync(HuiqiApp app)
    {
        using var city = await app.SignedInAsync("city-review");
        var accounts = (await app.EnterpriseAccountsAsync()).ToDictionary(a => a.Uscc, a => a.District, StringComparer.Ordinal);
        var cases = JsonDocument.Parse(await city.GetStringAsync("/api/cases")).RootElement.GetProperty("items").EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetInt64(), Uscc: c.GetProperty("uscc").GetString()!))
            .ToList();
        var (caseId, uscc) = cases.First(c => accounts.ContainsKey(c.Uscc));
        var district = accounts[uscc];
        var member = await FirstMemberAsync(app, district);
        var clause = app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog.Clauses[0];
        var (doc, article) = (clause.Id.Split('/')[0], clause.Id.Split('/')[1]);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["uscc"] = uscc,
            ["slug"] = HuiqiApp.Slug(district),
            ["id:long"] = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["id:int"] = "999999",
            ["id"] = "none",
            ["library"] = member.Library,
            ["member"] = member.Uscc,
            ["notice"] = "999999",
            ["document"] = "zzb2020-19",
            ["number"] = "2",
            ["doc"] = doc,
            ["article"] = article,
            ["documentName"] = "v1",
            ["**path:file"] = "no-such-file.txt",
        };
    }

    private static async Task<Huiqi.Supervision.Libraries.LibraryMembershipRow> FirstMemberAsync(HuiqiApp app, string district)
    {
        var register = app.Services.GetRequiredService<Huiqi.Supervision.Libraries.LibraryRegister>();
        await foreach (var m in register.AllAsync(Huiqi.Store.Actor.DistrictReviewerOf(district, "test"), new Huiqi.Supervision.Libraries.LibraryFilter()))
        {
            return m;
        }

        throw new InvalidOperationException($"no library member in {district}");
    }
}
