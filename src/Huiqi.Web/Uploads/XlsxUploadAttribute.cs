using System.Net;
using Huiqi.Store.Import;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Huiqi.Web.Uploads;

/// <summary>
/// Bounds the body of a page's <c>Upload</c> handler by the size cap of its <see cref="ImportKind"/> before anything
/// reads it. Without this the antiforgery check reads the whole multipart form (up to Kestrel's 256 MB) before the
/// handler can refuse it. A body announced larger than the cap is refused unread; one without a length (chunked) is read
/// only up to the cap. The refusal is a 413 page saying the cap in Chinese. Runs before the antiforgery filter (order
/// 1000); the refusal writes nothing, so it needs no token.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class XlsxUploadAttribute(ImportKind kind) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The form's other fields and its part headers beside the file: the antiforgery token is about 200 bytes.</summary>
    public const long FormAllowance = 64 * 1024;

    public const string Handler = "Upload";

    public ImportKind Kind { get; } = kind;

    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        var handler = context.RouteData.Values["handler"] as string ?? request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !string.Equals(handler, Handler, StringComparison.OrdinalIgnoreCase) || !request.HasFormContentType)
        {
            return;
        }

        var limits = ImportLimits.Of(Kind);
        var bound = limits.MaxBytes + FormAllowance;
        // Set before refusing too: Kestrel then closes the connection rather than drain the unread rest of the body.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bound;
        }

        if (request.ContentLength > bound)
        {
            context.Result = Refused(limits, request);
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = bound }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            context.Result = Refused(limits, request);
        }
    }

    private static ContentResult Refused(ImportLimits limits, HttpRequest request) => new()
    {
        StatusCode = StatusCodes.Status413PayloadTooLarge,
        ContentType = "text/html; charset=utf-8",
        Content = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>文件过大 - 惠企</title></head>
            <body><main><h1>文件过大</h1><p class="error" id="errors">{WebUtility.HtmlEncode(limits.TooLarge)}</p>
            <p><a href="{WebUtility.HtmlEncode(request.PathBase + request.Path)}">返回{WebUtility.HtmlEncode(limits.Title)}</a></p></main></body></html>
            """,
    };
}
