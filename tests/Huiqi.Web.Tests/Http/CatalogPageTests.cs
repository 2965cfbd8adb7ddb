using System.Net;
using Huiqi.Policies;

namespace Huiqi.Web.Tests.Http;

/// <summary>The catalogue, readable: a page per document and per clause, for every role.</summary>
public sealed class CatalogPageTests(Apps apps) : IClassFixture<Apps>
{
    [Fact]
    public async Task Every_document_and_clause_has_a_page_with_its_text_reading_and_guide()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[0];
        using var client = await app.SignedInAsync(uscc);
        var catalog = PolicySource.Default();
        var index = await client.GetStringAsync("/policies");
        foreach (var d in catalog.Documents)
        {
            Assert.Contains(d.Title, index, StringComparison.Ordinal);
            var page = await client.GetAsync($"/policies/{d.Id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        foreach (var c in catalog.Clauses)
        {
            var response = await client.GetAsync("/policies/" + c.Id);
            Assert.True(response.StatusCode == HttpStatusCode.OK, c.Id);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(c.Title, html, StringComparison.Ordinal);
            Assert.Contains(c.Text[0], html, StringComparison.Ordinal);
            Assert.Contains("申兑指南", html, StringComparison.Ordinal);
            Assert.Contains(c.Way == Huiqi.Engine.Catalog.ClauseWay.NoApplication ? "免申即享" : "快申快享", html, StringComparison.Ordinal);
            Assert.Contains("牵头单位", html, StringComparison.Ordinal);
            Assert.Contains("全市累计兑付", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/policies/zz2023-23/999")).StatusCode);
    }

    [Fact]
    public async Task A_clause_page_tells_how_much_has_been_paid_under_it()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = await app.SignedInAsync("city-review");
        // The demo city's ledger pays zz2023-23/15 (smart workshops) to some enterprises.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/policies/zz2023-23/15"));
        // Written in 万元 (or 亿元) with at most two decimals, the exact yuan on hover.
        Assert.Matches("全市累计兑付</th><td><span class=\"money\" title=\"精确金额：[0-9,]+(\\.[0-9]+)?元\">[0-9,]+(\\.[0-9]{1,2})?[万亿]元</span>（[1-9][0-9]* 笔", html);
    }
}
