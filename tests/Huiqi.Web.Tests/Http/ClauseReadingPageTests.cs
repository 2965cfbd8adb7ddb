using System.Net;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// A clause page reads as a bureau writes: the original beside its 解读, and typical cases worked in figures; the rule
/// name, parameters and file path are an administrator's 技术细节 only.
/// </summary>
public sealed class ClauseReadingPageTests(Apps apps) : IClassFixture<Apps>
{
    private const string Page = "/policies/zz2023-23/9";

    [Fact]
    public async Task An_enterprise_reads_the_clause_and_its_typical_cases_without_the_catalogue_showing_through()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[0];
        using var client = await app.SignedInAsync(uscc);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page));

        Assert.Contains("<h3>原文</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>解读</h3>", html, StringComparison.Ordinal);
        Assert.Contains("总投资达到1000万元以上", html, StringComparison.Ordinal);
        Assert.Contains("典型情形", html, StringComparison.Ordinal);
        // 设备投资1.2亿元 (written 12000万元, one unit in the sentence) × 10% = 1200万元, over the 1000万元 cap of 第九条: 1000万元.
        Assert.Contains("12000万元×10%=1200万元", html, StringComparison.Ordinal);
        Assert.Contains("合计奖励1000万元", html, StringComparison.Ordinal);

        Assert.DoesNotContain("技术细节", html, StringComparison.Ordinal);
        Assert.DoesNotContain("project-share", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: tech-reform", html, StringComparison.Ordinal);
        Assert.DoesNotContain("policies/zz2023-23.yaml", html, StringComparison.Ordinal);
        Assert.DoesNotContain("（边界）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_finds_the_rule_parameters_and_source_folded_under_technical_details()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var admin = await app.SignedInAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains("<details class=\"tech\" id=\"tech\">", html, StringComparison.Ordinal);
        Assert.Contains("<summary>技术细节</summary>", html, StringComparison.Ordinal);
        Assert.Contains("project-share", html, StringComparison.Ordinal);
        Assert.Contains("seiRate: 15%", html, StringComparison.Ordinal);
        Assert.Contains("policies/zz2023-23.yaml:", html, StringComparison.Ordinal);
        Assert.Contains("（边界）", html, StringComparison.Ordinal);
        Assert.Contains("典型情形", html, StringComparison.Ordinal);
    }
}
