using System.Text;
using System.Text.Json;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;
using Huiqi.Web.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Huiqi.Web.Apis;

/// <summary>
/// <c>POST /api/evaluate</c> and <c>POST /api/evaluate/batch</c>: the engine on the dossier contract, answering exactly
/// what <c>huiqi evaluate</c> prints. They read no stored data (the dossier is in the request), so like the policy
/// calculator they need no account.
/// </summary>
public static class EvaluationApi
{
    /// <summary>Lines of a batch evaluated together, in parallel, before their answers are written in order.</summary>
    private const int Chunk = 256;

    private const int MaxDossierBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluate").WithTags("evaluate").AllowAnonymous().DisableAntiforgery();
        api.MapPost("", EvaluateAsync)
            .WithSummary("评估一户企业 / evaluate one dossier")
            .WithDescription("请求体为企业档案 JSON（或 {\"year\":…,\"dossier\":{…}} 样例）；返回合同规定的答复 JSON，与命令行 huiqi evaluate 相同。")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json");
        api.MapPost("/batch", Batch)
            .WithSummary("批量评估 / evaluate a JSONL batch")
            .WithDescription("请求体每行一个企业档案（JSONL）；按行序流式返回每行的答复，错误行为 {\"line\":N,\"errors\":[…]}，其余继续。")
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
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, cancel);
            if (buffer.Length > MaxDossierBytes)
            {
                return Problems.BadRequest("企业档案过大", "the dossier is too large");
            }

            body = buffer.ToArray();
        }

        var (read, questionYear, wellFormed) = DossierReader.ReadQuestion(body, year);
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

    /// <summary>JSONL in, JSONL out in the same order, streamed: each line's answer or its errors, the rest go on.</summary>
    public static Results<PushStreamHttpResult, ProblemHttpResult> Batch(
        HttpRequest request,
        PolicyEngine engine,
        [FromQuery] int? year,
        [FromQuery] bool? hints,
        [FromQuery] bool? trace,
        CancellationToken cancel)
    {
        if (year is null)
        {
            return Problems.BadRequest("批量评估需要评估年度：请在地址中加 ?year=年度", "a batch needs the award year: add ?year=Y");
        }

        if (!Problems.ValidYear(year.Value))
        {
            return Problems.BadYear(year.Value);
        }

        var y = year.Value;
        var options = new EvaluationOptions { Hints = hints == true, Trace = trace == true };
        return TypedResults.Stream(async output =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, true, 1 << 16);
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            var lines = new string[Chunk];
            var results = new string[Chunk];
            long lineNo = 0;
            while (true)
            {
                var n = 0;
                while (n < Chunk && await reader.ReadLineAsync(cancel) is { } line)
                {
                    lines[n++] = line;
                }

                if (n == 0)
                {
                    break;
                }

                var first = lineNo + 1;
                Parallel.For(0, n, new ParallelOptions { CancellationToken = cancel }, i => results[i] = BatchLine.ToJson(engine.Evaluator, options, lines[i]!, first + i, y));
                for (var i = 0; i < n; i++)
                {
                    if (results[i].Length > 0)
                    {
                        await writer.WriteLineAsync(results[i]);
                    }
                }

                lineNo += n;
                await writer.FlushAsync(cancel);
            }
        }, "application/x-ndjson; charset=utf-8");
    }
}
