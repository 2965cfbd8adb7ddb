using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi evaluate FILE --year Y [--trace] [--hints]</c> and <c>huiqi evaluate --batch FILE.jsonl --year Y [--out FILE]</c>:
/// what the policies owe one enterprise, or every line of a file, as the contract's answer JSON.
/// </summary>
public sealed class EvaluateCommand : ICliCommand
{
    /// <summary>Lines evaluated together: large enough to keep both cores busy, small enough that memory stays flat.</summary>
    private const int Chunk = 4096;

    public string Name => "evaluate";

    public string Summary => "评估企业可享政策：evaluate FILE --year Y [--trace] [--hints] | --batch FILE.jsonl --year Y [--out FILE]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var trace = args.Flag("trace");
        var hints = args.Flag("hints");
        var batch = args.Option("batch");
        var outPath = args.Option("out");
        var year = args.IntOption("year");
        var dir = args.Option("catalog");
        args.EnsureAllRead();

        var loaded = PolicySource.Load(dir);
        if (loaded.Catalog is null)
        {
            foreach (var e in loaded.Errors)
            {
                await io.Error.WriteLineAsync(e.ToString());
            }

            return ExitCode.Failure;
        }

        var evaluator = new Evaluator(loaded.Catalog);
        var options = new EvaluationOptions { Trace = trace, Hints = hints };
        if (batch is not null)
        {
            if (year is null)
            {
                throw new UsageException("批量评估需要 --year / --batch needs --year");
            }

            return await BatchAsync(evaluator, options, batch, outPath, year.Value, io, cancel);
        }

        var file = args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("用法 / usage: huiqi evaluate FILE --year Y [--trace] [--hints]（FILE 为 - 时读标准输入）");
        string text;
        try
        {
            text = file == "-" ? await io.In.ReadToEndAsync(cancel) : await File.ReadAllTextAsync(file, cancel);
        }
        catch (IOException e)
        {
            await io.Error.WriteLineAsync($"无法读取文件“{file}” / cannot read '{file}': {e.Message}");
            return ExitCode.BadInput;
        }

        return await SingleAsync(evaluator, options, text, year, io);
    }

    /// <summary>
    /// One dossier. The file may also be a worked example (<c>{"year": …, "dossier": {…}}</c>), whose year is used
    /// when <c>--year</c> is not given.
    /// </summary>
    private static async Task<int> SingleAsync(Evaluator evaluator, EvaluationOptions options, string text, int? year, CliIo io)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            await io.Error.WriteLineAsync(DossierReader.Read(text).Errors.FirstOrDefault()?.ToString() ?? $"(root): JSON 格式错误 / malformed JSON: {e.Message}");
            return ExitCode.BadInput;
        }

        using (doc)
        {
            var root = doc.RootElement;
            var dossierElement = root;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dossier", out var inner))
            {
                dossierElement = inner;
                if (year is null && root.TryGetProperty("year", out var y) && y.TryGetInt32(out var wrapped))
                {
                    year = wrapped;
                }
            }

            if (year is null)
            {
                throw new UsageException("缺少评估年度 --year / --year is required");
            }

            var read = DossierReader.Read(dossierElement);
            if (!read.Ok)
            {
                foreach (var e in read.Errors)
                {
                    await io.Error.WriteLineAsync(e.ToString());
                }

                return ExitCode.BadInput;
            }

            var answer = evaluator.Evaluate(read.Dossier!, year.Value, options);
            await io.Out.WriteLineAsync(AnswerJson.ToJson(answer, indented: true));
            return ExitCode.Ok;
        }
    }

    private static async Task<int> BatchAsync(Evaluator evaluator, EvaluationOptions options, string input, string? outPath, int year, CliIo io, CancellationToken cancel)
    {
        if (!File.Exists(input))
        {
            await io.Error.WriteLineAsync($"文件不存在 / file not found: {input}");
            return ExitCode.BadInput;
        }

        var output = outPath is null ? io.Out : new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
        try
        {
            using var reader = new StreamReader(input, Encoding.UTF8, true, 1 << 16);
            var lines = new string?[Chunk];
            var results = new string[Chunk];
            var totals = new decimal[Chunk];
            var bad = new bool[Chunk];
            long lineNo = 0, count = 0, errors = 0;
            var total = 0m;
            var clock = Stopwatch.StartNew();
            var lastProgress = 0L;
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
                Parallel.For(0, n, new ParallelOptions { CancellationToken = cancel }, i =>
                {
                    (results[i], totals[i], bad[i]) = EvaluateLine(evaluator, options, lines[i]!, first + i, year);
                });

                for (var i = 0; i < n; i++)
                {
                    if (results[i].Length == 0)
                    {
                        continue;
                    }

                    await output.WriteLineAsync(results[i]);
                    count++;
                    if (bad[i])
                    {
                        errors++;
                    }

                    total += totals[i];
                }

                lineNo += n;
                if (io.ErrorIsTerminal && clock.ElapsedMilliseconds - lastProgress > 500)
                {
                    lastProgress = clock.ElapsedMilliseconds;
                    await io.Error.WriteAsync($"\r已处理 {lineNo:N0} 行 / {lineNo:N0} lines, {lineNo * 1000 / Math.Max(1, clock.ElapsedMilliseconds):N0}/s");
                }
            }

            if (io.ErrorIsTerminal)
            {
                await io.Error.WriteAsync("\r");
            }

            await io.Error.WriteLineAsync($"批量评估完成：共 {count} 行，{count - errors} 户已评估，{errors} 行有误；奖励合计 {total} 元（{Zh.Money(total)}），用时 {clock.Elapsed.TotalSeconds:F1} 秒 / done: {count} lines, {count - errors} evaluated, {errors} errors, total {total} yuan");
            return errors > 0 ? ExitCode.BadInput : ExitCode.Ok;
        }
        finally
        {
            if (outPath is not null)
            {
                await output.DisposeAsync();
            }
        }
    }

    /// <summary>One line of a batch: the answer, or an error line naming the line number; blank lines are skipped.</summary>
    internal static (string Json, decimal Total, bool Bad) EvaluateLine(Evaluator evaluator, EvaluationOptions options, string line, long lineNo, int year)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return ("", 0, false);
        }

        var read = DossierReader.Read(line);
        if (!read.Ok)
        {
            var errors = ErrorJson.ToJson(read.Errors);
            return ($"{{\"line\":{lineNo},{errors[1..]}", 0, true);
        }

        try
        {
            var answer = evaluator.Evaluate(read.Dossier!, year, options);
            return (AnswerJson.ToJson(answer), answer.Total, false);
        }
        catch (OverflowException)
        {
            var err = new InputError("(root)", null, "数值过大，计算溢出", "a figure is too large to compute with");
            return ($"{{\"line\":{lineNo},{ErrorJson.ToJson([err])[1..]}", 0, true);
        }
    }
}
