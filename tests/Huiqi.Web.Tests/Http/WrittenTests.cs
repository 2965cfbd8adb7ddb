using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Huiqi.Engine.Model;
using Huiqi.Store;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Money as the pages write it (one way, the exact yuan on hover), amounts entered in 元 or 万元, and the 使用说明 of
/// each role reachable from every page.
/// </summary>
public sealed partial class WrittenTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>
    /// The case list and the enterprise page write every amount as <see cref="Written.Money"/> does — 元 under 1万元,
    /// 万元 or 亿元 with at most two decimals above — each with its exact yuan in the title, and no bare 元 figure
    /// beside a 万元 one or an amount with more than two decimals of a 万.
    /// </summary>
    [Fact]
    public async Task The_case_list_and_the_enterprise_page_write_money_one_way_with_the_exact_yuan_on_hover()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var city = await app.SignedInAsync("city-review");
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[0];
        using var enterprise = await app.SignedInAsync(uscc);
        var pages = new[]
        {
            (city, $"/cases?year={HuiqiApp.Year}"),
            (enterprise, Huiqi.Web.Pages.Show.EnterpriseUrl(uscc) + $"?year={HuiqiApp.Year}"),
        };
        foreach (var (client, url) in pages)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));
            var amounts = Amount().Matches(html);
            Assert.True(amounts.Count > 0, $"{url} shows no amount");
            foreach (Match m in amounts)
            {
                var exact = decimal.Parse(m.Groups["exact"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                Assert.Equal(Written.Money(exact), m.Groups["shown"].Value);
            }

            // Every amount column holds only amounts written so: none in bare 元 beside 万元, none with four decimals of a 万.
            var tables = string.Concat(new[] { "id=\"cases\"", "id=\"awards\"", "id=\"ledger\"" }.Where(html.Contains).Select(t => html[html.IndexOf(t, StringComparison.Ordinal)..]).Select(t => t[..t.IndexOf("</table>", StringComparison.Ordinal)]));
            var cells = Regex.Matches(tables, "<td class=\"num\">(.*?)</td>").Select(c => c.Groups[1].Value).Where(c => c.Length > 0 && c != "—").ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Matches($"^{Amount()}$", c));
        }

        // The engine's award lines on the enterprise page are its computation (测算), not reported figures.
        var page = WebUtility.HtmlDecode(await enterprise.GetStringAsync(Huiqi.Web.Pages.Show.EnterpriseUrl(uscc) + $"?year={HuiqiApp.Year}"));
        Assert.Contains("测算可享受奖励", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// An application's amount typed as 5万 (5 × 10,000 = 50,000元) or as 50,000 with 元 beside it is the same
    /// 50,000元; text that is no amount is refused with the Chinese reason, and the form comes back as typed.
    /// </summary>
    [Fact]
    public async Task An_application_takes_its_amount_in_yuan_or_wan_and_refuses_text_keeping_what_was_typed()
    {
        await using var app = HuiqiApp.Sqlite();
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[^1];
        using var enterprise = await app.SignedInAsync(uscc);
        var form = await enterprise.GetStringAsync("/cases/apply");
        Assert.Contains("name=\"RequestedUnit\"", form, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Requested-hint\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"Requested-hint\"", form, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["ClauseId"] = "zz2023-23/8-major",
            ["AwardYear"] = HuiqiApp.Year.ToString(CultureInfo.InvariantCulture),
            ["Requested"] = "五万元",
            ["RequestedUnit"] = "万元",
            ["Account"] = "重大工业项目，申请一事一议支持（收款账户见附件）",
        };
        var refused = await Huiqi.Web.Tests.Http.Forms.PostAsync(enterprise, "/cases/apply", "/cases/apply", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(Written.MoneyError, html, StringComparison.Ordinal);
        Assert.Contains("value=\"五万元\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"万元\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("重大工业项目，申请一事一议支持（收款账户见附件）", html, StringComparison.Ordinal);

        // zz2023-23/8-major (一事一议) states no amount: any request up to the platform's 1亿元 line is kept as asked.
        fields["Requested"] = "5万";
        fields["RequestedUnit"] = "元";
        var created = await Huiqi.Web.Tests.Http.Forms.PostAsync(enterprise, "/cases/apply", "/cases/apply", fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"apply: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = long.Parse(created.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(50_000m, (await CaseSteps.GetAsync(enterprise, id)).Amount);
    }

    /// <summary>
    /// The budget form reads 200,000万 with 元 beside it as 2,000,000,000元 (20亿元, above anything the demo city has
    /// committed under zz2023-23 in a year, so the budget is taken); 200000 with 万元 beside it the same.
    /// </summary>
    [Fact]
    public async Task A_budget_is_set_in_wan_with_separators()
    {
        await using var app = HuiqiApp.Sqlite();
        using var finance = await app.SignedInAsync("city-finance");
        var url = $"/cases/budgets?year={HuiqiApp.Year}";
        foreach (var (text, unit) in new[] { ("200,000万", "元"), ("200000", "万元") })
        {
            var answer = await Huiqi.Web.Tests.Http.Forms.PostAsync(finance, url, $"/cases/budgets?handler=Set&year={HuiqiApp.Year}", new Dictionary<string, string>
            {
                ["document"] = "zz2023-23", ["clause"] = "", ["amount"] = text, ["amountUnit"] = unit,
            });
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{text} {unit}: {(int)answer.StatusCode}");
            var page = WebUtility.HtmlDecode(await finance.GetStringAsync(url));
            Assert.Contains("已设置", page, StringComparison.Ordinal);
            Assert.Contains("zz2023-23 20亿元", page, StringComparison.Ordinal);
        }

        var bad = await Huiqi.Web.Tests.Http.Forms.PostAsync(finance, url, $"/cases/budgets?handler=Set&year={HuiqiApp.Year}", new Dictionary<string, string>
        {
            ["document"] = "zz2023-23", ["amount"] = "一千万", ["amountUnit"] = "元",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(Written.MoneyError, WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>Each role opens its own 使用说明 from the link in every page's header, its steps linking to its pages.</summary>
    [Fact]
    public async Task The_help_page_opens_for_each_role_and_is_linked_from_the_home_page()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (uscc, district) = (await app.EnterpriseAccountsAsync())[0];
        var slug = HuiqiApp.Slug(district);
        var accounts = new Dictionary<string, string>
        {
            [Roles.Enterprise] = uscc,
            [Roles.DistrictReviewer] = slug + "-review",
            [Roles.DistrictFinance] = slug + "-finance",
            [Roles.CityReviewer] = "city-review",
            [Roles.CityFinance] = "city-finance",
            [Roles.Admin] = "admin",
        };
        foreach (var role in Roles.All)
        {
            using var client = await app.SignedInAsync(accounts[role]);
            var home = await client.GetStringAsync("/");
            Assert.Contains("href=\"/help\"", home, StringComparison.Ordinal);
            var help = WebUtility.HtmlDecode(await client.GetStringAsync("/help"));
            Assert.Contains($"使用说明：{Roles.Chinese(role)}", help, StringComparison.Ordinal);
            var steps = help[help.IndexOf("id=\"help-steps\"", StringComparison.Ordinal)..];
            steps = steps[..steps.IndexOf("</ol>", StringComparison.Ordinal)];
            Assert.Equal(Huiqi.Web.Pages.HelpModel.Guides[role].Count, Regex.Matches(steps, "<li>").Count);
            foreach (var link in Regex.Matches(steps, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
            {
                Assert.True((await client.GetAsync(link)).StatusCode == HttpStatusCode.OK, $"{role}: {link}");
            }
        }

        // Before signing in, the sign-in page links to it too, and any role's guide can be read.
        using var anonymous = app.Client();
        Assert.Contains("href=\"/help\"", await anonymous.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Contains("使用说明：区县财政部门", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/help?role=district-finance")), StringComparison.Ordinal);
    }

    /// <summary>An amount as a page writes it: the short form in a span whose title is the exact yuan.</summary>
    [GeneratedRegex("<span class=\"money\" title=\"精确金额：(?<exact>-?[0-9,]+(\\.[0-9]+)?)元\">(?<shown>[^<]+)</span>")]
    private static partial Regex Amount();
}
