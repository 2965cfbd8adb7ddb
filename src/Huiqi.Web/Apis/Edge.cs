using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Huiqi.Web.Apis;

/// <summary>
/// The edge of the application towards anonymous callers (边界防护): whose address a request is, how often an address
/// may call the anonymous endpoints, how large a body may be, and the ProblemDetails (Chinese and English) of what the
/// framework refuses before a handler runs — a bad query value, a body over its limit, a content type no endpoint
/// takes, too many requests.
/// </summary>
public static partial class Edge
{
    /// <summary>The rate-limiter policy of the anonymous endpoints, partitioned by client address.</summary>
    public const string AnonymousPolicy = "anonymous";

    /// <summary>The client's address: the connection's, or a configured proxy's X-Forwarded-For (<see cref="ForwardedHeaders"/>).</summary>
    public static string ClientAddress(HttpContext http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The anonymous policy: <c>Huiqi:RateLimits:Anonymous:PermitLimit</c> requests (60) per
    /// <c>WindowSeconds</c> (60) from one address, then 429 with Retry-After.
    /// </summary>
    public static void AddHuiqiRateLimits(this IServiceCollection services, RateLimitSettings limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var permits = limits.Anonymous.PermitLimit;
        var window = TimeSpan.FromSeconds(limits.Anonymous.WindowSeconds ?? 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AnonymousPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            }));
            // The body is left empty: the status-code pages write it (ProblemDetails for the API, the status page else).
            o.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window);
                return ValueTask.CompletedTask;
            };
        });
    }

    public static void SetRetryAfter(HttpContext http, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are read only from the proxies listed in <c>Huiqi:ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>KnownNetworks</c> (CIDR); with none listed the headers are ignored, so no caller picks the
    /// address its requests are counted and logged under. Null when none is listed.
    /// </summary>
    public static ForwardedHeadersOptions? ForwardedHeaders(ForwardedHeaderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var proxies = settings.KnownProxies;
        var networks = settings.KnownNetworks;
        if (proxies.Length == 0 && networks.Length == 0)
        {
            // The middleware with empty lists trusts every sender: it is not used at all.
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(p));
        }

        foreach (var n in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        }

        return options;
    }

    /// <summary>
    /// Routing answers a content type or a method no endpoint takes with an endpoint of its own (415, 405) that carries
    /// no metadata, so the fallback policy would ask for a sign-in (401) first: such an answer needs none.
    /// </summary>
    public static IApplicationBuilder UseRejectionsWithoutSignIn(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint() is { Metadata.Count: 0 } rejection)
        {
            http.SetEndpoint(new Endpoint(rejection.RequestDelegate, new EndpointMetadataCollection(new AllowAnonymousAttribute()), rejection.DisplayName));
        }

        return next(http);
    });

    /// <summary>
    /// A form posted to an endpoint with a body limit of its own (an upload) is read here, under that limit, so that a
    /// form over it is a 413 (the status page says so) rather than the antiforgery check's 400 "the form may have
    /// expired" that reading it first inside the page would give. The form read is kept for the page: it is read once.
    /// </summary>
    public static IApplicationBuilder UseFormLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Not again when the status page is run for the refusal itself.
        if (http.Request.HasFormContentType
            && http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null
            && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException bad)
            {
                http.Response.StatusCode = bad.StatusCode;
                return;
            }
        }

        await next(http);
    });

    /// <summary>
    /// Every ProblemDetails the application writes: the trace id, and for what the framework refused on its own
    /// (no handler wrote a detail) a title and detail in Chinese and English.
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions.TryAdd("traceId", http.TraceIdentifier);
        if (problem.Detail is not null)
        {
            return;
        }

        if (context.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad && Parameter().Match(bad.Message) is { Success: true } m)
        {
            var name = m.Groups["name"].Value;
            var value = m.Groups["value"].Success ? m.Groups["value"].Value : null;
            var (zh, en) = BareType(m.Groups["type"].Value) switch
            {
                "int" or "long" => ("应为整数", "expected a whole number"),
                "bool" => ("应为 true 或 false", "expected true or false"),
                "decimal" or "double" => ("应为数字", "expected a number"),
                _ => ("格式不对", "it cannot be read"),
            };
            problem.Title = "请求参数有误 / bad request parameter";
            problem.Detail = bad.Message.Contains("request body", StringComparison.Ordinal)
                ? $"请求体无法读取为 {name}：应为 JSON 对象 / the request body cannot be read as {name}: expected a JSON object"
                : value is null
                    ? $"缺少参数 {name} / the parameter {name} is missing"
                    : $"参数 {name} 的值“{value}”无效：{zh} / the parameter {name} has an invalid value \"{value}\": {en}";
            problem.Extensions["field"] = name;
            return;
        }

        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => (Problems.TooLargeTitle, Limit(http) is { } max
                ? Problems.TooLargeDetail(max)
                : "请求体超过本接口的上限 / the body exceeds this endpoint's limit"),
            StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型 / unsupported media type",
                $"本接口不接受内容类型“{http.Request.ContentType}”，请使用 application/json（批量评估为 application/x-ndjson） / the content type '{http.Request.ContentType}' is not accepted here: use application/json (application/x-ndjson for a batch)"),
            StatusCodes.Status405MethodNotAllowed => ("不支持的请求方法 / method not allowed",
                $"本地址不接受 {http.Request.Method} 请求 / {http.Request.Method} is not accepted at this address"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁 / too many requests",
                $"来自您地址的请求过多，请 {http.Response.Headers.RetryAfter} 秒后再试 / too many requests from your address: retry after {http.Response.Headers.RetryAfter} seconds"),
            StatusCodes.Status400BadRequest => ("请求有误 / bad request", "请求无法读取 / the request cannot be read"),
            _ => (problem.Title, problem.Detail),
        };
    }

    /// <summary>The request body limit in force: the endpoint's, else the server's.</summary>
    public static long? Limit(HttpContext http) =>
        http?.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http?.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;

    /// <summary>
    /// An exception's status: a request the server refused while reading it (a body over its limit: 413; a value
    /// that cannot be bound: 400) keeps its own status, anything else is a 500.
    /// </summary>
    public static int StatusOf(Exception exception) => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>The type a binding message names, as C# writes it: <c>Nullable&lt;int&gt;</c> (as .NET writes it) and <c>int?</c> are <c>int</c>.</summary>
    private static string BareType(string type) =>
        type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>') ? type["Nullable<".Length..^1].ToLowerInvariant() switch
        {
            "int32" => "int",
            "int64" => "long",
            "boolean" => "bool",
            var t => t,
        } : type.TrimEnd('?');

    /// <summary>The parameter in the messages of minimal APIs' binding: <c>Failed to bind parameter "int? year" from "abc".</c></summary>
    [GeneratedRegex("""parameter "(?<type>[^" ]+(?: [^" ]+)*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex Parameter();
}

/// <summary>Endpoint metadata: the largest body the endpoint reads, enforced by the server while the body streams in.</summary>
public sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}
