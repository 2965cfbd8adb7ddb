using System.Text;
using System.Text.Json;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Huiqi.Web.Apis;

/// <summary>
/// <c>POST /api/evaluate</c> and <c>POST /api/evaluate/batch</c>: the engine on the dossier contract, answering exactly
/// what <c>huiqi evaluate</c> prints. They read no stored data (the dossier is in the request), so like the policy
/// calculator they need no account.
/// </summary>
public static class EvaluationApi
{
    /// <summary>Lines of a batch evaluated together by one core before their answers are written in order.</summary>
    private const int Chunk = 256;

    /// <summary>The largest dossier body.</summary>
    public const int MaxDossierBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Maps the two endpoints, anonymous and rate-limited by address, each with its body limit enforced by the server
    /// while the body streams in: a dossier 4 MB; a batch <c>Huiqi:Limits:BatchBytes</c> (64 MB) in all and
    /// <c>Huiqi:Limits:BatchLineBytes</c> (1 MB) a line, a longer line answered as an error line while the rest go on.
    /// </summary>
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Huiqi.Web.Extensions.HuiqiOptions>>().Value.Limits;
        var batchBytes = limits.BatchBytes;
        var lineBytes = limits.BatchLineBytes;
        var api = app.MapGroup("/api/evaluate").WithTags("evaluate").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Edge.AnonymousPolicy);
        api.MapPost("", EvaluateAsync)
            .WithMetadata(new BodyLimit(MaxDossierBytes))
            .WithSummary("评估一户企业 / evaluate one dossier")
            .WithDescription("请求体为企业档案 JSON（或 {\"year\":…,\"dossier\":{…}} 样例）；返回合同规定的答复 JSON，与命令行 huiqi evaluate 相同。")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json");
        api.MapPost("/batch", (HttpRequest request, PolicyEngine engine, int? year, bool? hints, bool? trace, CancellationToken cancel) =>
                BatchAsync(request, engine, year, hints, trace, lineBytes, cancel))
            .WithMetadata(new BodyLimit(batchBytes))
            .WithSummary("批量评估 / evaluate a JSONL batch")
            .WithDescription("请求体每行一个企业档案（JSONL，UTF-8）；按行序流式返回，每个输入行恰好一行输出并带行号 \"line\"：答复、错误行 {\"line\":N,\"errors\":[…]}（其余继续）或空行 {\"line\":N,\"empty\":true}。")
            .Accepts<string>("application/x-ndjson", "application/jsonl", "text/plain", "application/octet-stream")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson");
        return app;
    }

    /// <summary>One dossier in, the contract's answer out; an input error is a 400 naming every path.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> EvaluateAsync(
        HttpRequest request,
        PolicyEngine engine,
        [FromQuery] int? year,
        [FromQuery] bool? hints,
        [FromQuery] bool? trace,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        if (ForeignCharset(request.ContentType) is { } charset)
        {
            return Problems.NotUtf8(charset);
        }

        // Read while it streams, never past the limit (the server enforces it too where it can).
        var body = new byte[Math.Min(request.ContentLength ?? 64 * 1024, MaxDossierBytes + 1L)];
        var length = 0;
        while (true)
        {
            if (length == body.Length)
            {
                if (length > MaxDossierBytes)
                {
                    return Problems.TooLarge(MaxDossierBytes);
                }

                Array.Resize(ref body, (int)Math.Min(Math.Max(body.Length * 2L, 1 << 16), MaxDossierBytes + 1L));
            }

            var got = await request.Body.ReadAsync(body.AsMemory(length), cancel);
            if (got == 0)
            {
                break;
            }

            length += got;
        }

        if (ForeignMark(body.AsSpan(0, length)) is { } marked)
        {
            return Problems.NotUtf8(marked);
        }

        var (read, questionYear, wellFormed) = DossierReader.ReadQuestion(body.AsSpan(0, length), year);
        if (!wellFormed)
        {
            return Problems.InputErrors(read.Errors);
        }

        if (questionYear is not { } y)
        {
            return Problems.BadRequest("缺少评估年度：请在地址中加 ?year=年度", "the award year is required: add ?year=Y");
        }

        if (!Problems.ValidYear(y))
        {
            return Problems.BadYear(y);
        }

        if (!read.Ok)
        {
            return Problems.InputErrors(read.Errors);
        }

        try
        {
            var answer = engine.Evaluate(read.Dossier!, y, hints == true, trace == true);
            return TypedResults.Content(AnswerJson.ToJson(answer, indented: true) + "\n", "application/json; charset=utf-8", Encoding.UTF8);
        }
        catch (OverflowException)
        {
            return Problems.InputErrors([BatchLine.TooLarge]);
        }
    }

    /// <summary>
    /// JSONL in, JSONL out in the same order, streamed: one output line per input line with its number — the answer,
    /// the errors, or that the line is empty; the rest go on (<see cref="BatchRun"/>, as <c>huiqi evaluate --batch</c>).
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> BatchAsync(
        HttpRequest request,
        PolicyEngine engine,
        int? year,
        bool? hints,
        bool? trace,
        int maxLineBytes,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        if (year is null)
        {
            return Problems.BadRequest("批量评估需要评估年度：请在地址中加 ?year=年度", "a batch needs the award year: add ?year=Y");
        }

        if (!Problems.ValidYear(year.Value))
        {
            return Problems.BadYear(year.Value);
        }

        if (ForeignCharset(request.ContentType) is { } charset)
        {
            return Problems.NotUtf8(charset);
        }

        var reader = await JsonLines.OpenAsync(request.Body, maxLineBytes, cancel);
        if (!reader.IsUtf8)
        {
            reader.Dispose();
            return Problems.NotUtf8("UTF-16/UTF-32");
        }

        var y = year.Value;
        var options = new EvaluationOptions { Hints = hints == true, Trace = trace == true };
        return TypedResults.Stream(async output =>
        {
            using (reader)
            {
                await using var buffered = new BufferedStream(output, 1 << 16);
                await BatchRun.RunAsync(reader, engine.Evaluator, options, y, Chunk, Math.Max(2, Environment.ProcessorCount), async (chunk, c) =>
                {
                    for (var i = 0; i < chunk.Lines; i++)
                    {
                        await buffered.WriteAsync(chunk.Line(i), c);
                        buffered.WriteByte((byte)'\n');
                    }

                    await buffered.FlushAsync(c);
                }, null, cancel);
            }
        }, "application/x-ndjson; charset=utf-8");
    }

    /// <summary>
    /// One rule for both endpoints: the body is UTF-8 (RFC 8259 for JSON exchanged between systems), with or without
    /// its byte-order mark. A charset other than UTF-8 in the Content-Type is named back in a 415.
    /// </summary>
    private static string? ForeignCharset(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.Charset.HasValue
        && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        && !media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? media.Charset.Value
            : null;

    /// <summary>A body that starts with the byte-order mark of UTF-16 or UTF-32.</summary>
    private static string? ForeignMark(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])
            ? "UTF-16/UTF-32"
            : null;
}
