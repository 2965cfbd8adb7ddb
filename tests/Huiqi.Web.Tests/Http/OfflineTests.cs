using System.Net;
using System.Text.RegularExpressions;

namespace Huiqi.Web.Tests.Http;

/// <summary>Usable with no internet access: every script, style and font a page uses is served by the application.</summary>
public sealed partial class OfflineTests(Apps apps) : IClassFixture<Apps>
{
    [Fact]
    public async Task Every_style_script_and_font_of_the_pages_is_served_by_the_application()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var client = await app.SignedInAsync("city-review");
        foreach (var page in new[] { "/Account/Login", "/", "/policies", "/policies/zz2023-23/5", "/enterprises" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotMatch(External(), html);
            var assets = Asset().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(assets);
            foreach (var asset in assets)
            {
                var response = await client.GetAsync(asset);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {asset} answers {(int)response.StatusCode}");

                // As a browser asks for it (compressed): a body, not an empty 200.
                using var compressed = new HttpRequestMessage(HttpMethod.Get, asset);
                compressed.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
                var packed = await client.SendAsync(compressed);
                Assert.True((await packed.Content.ReadAsByteArrayAsync()).Length > 100, $"{asset} answers an empty body to a browser");
                if (asset.EndsWith(".css", StringComparison.Ordinal))
                {
                    var css = await response.Content.ReadAsStringAsync();
                    Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
                    Assert.DoesNotMatch(External(), css);
                    Assert.Contains("@media print", css, StringComparison.Ordinal);
                }
            }
        }
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js|lib|fonts)/[^\"]+)\"")]
    private static partial Regex Asset();

    [GeneratedRegex("(?:href|src)=\"(?:https?:)?//|url\\((?:https?:)?//|@import\\s+url\\(\"?https?:")]
    private static partial Regex External();
}
