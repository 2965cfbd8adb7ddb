namespace Huiqi.Web.Registry;

/// <summary>A list's pager (分页): the page shown, how many, and the link to a page with the list's filters kept.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Link)
{
    /// <summary>A path with the query values that are set, e.g. <c>/tasks?flag=overdue&amp;p=2</c>.</summary>
    public static string Url(string path, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var query = string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return path + (query.Length > 0 ? "?" + query : "");
    }
}
