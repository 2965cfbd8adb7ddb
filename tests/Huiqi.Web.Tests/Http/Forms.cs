using System.Net;
using System.Text.RegularExpressions;

namespace Huiqi.Web.Tests.Http;

/// <summary>Form posts as a browser makes them: the antiforgery token read from the page first.</summary>
public static partial class Forms
{
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = Token().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IDictionary<string, string> fields, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = await TokenAsync(client, page);
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, bool withToken = true) =>
        await PostAsync(client, "/Account/Login", "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password }, withToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
