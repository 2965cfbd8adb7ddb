using System.Diagnostics;
using System.Text;
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
    /// <summary>Lines evaluated together by one core: large enough to be worth a task, small enough that memory stays flat.</summary>
    private const int Chunk = 1024;

    public string Name => "evaluate";

    public string Summary => "评估企业可享政策：evaluate FILE [--year Y] [--trace] [--hints] | --batch FILE.jsonl [--year Y] [--out FILE]（不指定年度时按当前评估年度，即上一完整年度）";

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
        // Without --year, the year the bureaus work on now for the whole catalogue: the last completed year (AwardYears).
        var current = AwardYears.Now(io.Clock).Catalogue;
        if (batch is not null)
        {
            if (year is null)
            {
                await CurrentYearAsync(io, current);
            }

            return await BatchAsync(evaluator, options, batch, outPath, year ?? current, io, cancel);
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

        return await SingleAsync(evaluator, options, text, year, current, io);
    }

    private static Task CurrentYearAsync(CliIo io, int year) =>
        io.Error.WriteLineAsync($"未指定 --year：按当前评估年度 {year} 年度（数据类条款的当前年度）评估 / no --year: award year {year}, the last completed year");

    /// <summary>
    /// One dossier. The file may also be a worked example (<c>{"year": …, "dossier": {…}}</c>), whose year is used
    /// when <c>--year</c> is not given; with neither, the current award year of the catalogue.
    /// </summary>
    private static async Task<int> SingleAsync(Evaluator evaluator, EvaluationOptions options, string text, int? year, int current, CliIo io)
    {
        var (read, questionYear, wellFormed) = DossierReader.ReadQuestion(text, year);
        if (questionYear is null && wellFormed)
        {
            await CurrentYearAsync(io, current);
            questionYear = current;
        }

        if (!read.Ok)
        {
            foreach (var e in read.Errors)
            {
                await io.Error.WriteLineAsync(e.ToString());
            }

            return ExitCode.BadInput;
        }

        var answer = evaluator.Evaluate(read.Dossier!, questionYear!.Value, options);
        await io.Out.WriteLineAsync(AnswerJson.ToJson(answer, indented: true));
        return ExitCode.Ok;
    }

    private static async Task<int> BatchAsync(Evaluator evaluator, EvaluationOptions options, string input, string? outPath, int year, CliIo io, CancellationToken cancel)
    {
        if (!File.Exists(input))
        {
            await io.Error.WriteLineAsync($"文件不存在 / file not found: {input}");
            return ExitCode.BadInput;
        }

        // Answers go to the file as UTF-8 bytes, one line per input line, in input order (BatchRun).
        var file = outPath is null ? null : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var newLine = Encoding.UTF8.GetBytes(Environment.NewLine);
        try
        {
            using var reader = JsonLines.Open(input);
            var clock = Stopwatch.StartNew();
            var lastProgress = 0L;
            var done = await BatchRun.RunAsync(
                reader,
                evaluator,
                options,
                year,
                Chunk,
                Math.Max(2, Environment.ProcessorCount * 2),
                async (chunk, _) =>
                {
                    for (var i = 0; i < chunk.Lines; i++)
                    {
                        if (file is not null)
                        {
                            file.Write(chunk.Line(i).Span);
                            file.Write(newLine);
                        }
                        else
                        {
                            await io.Out.WriteLineAsync(Encoding.UTF8.GetString(chunk.Line(i).Span));
                        }
                    }
                },
                async lineNo =>
                {
                    if (io.ErrorIsTerminal && clock.ElapsedMilliseconds - lastProgress > 500)
                    {
                        lastProgress = clock.ElapsedMilliseconds;
                        await io.Error.WriteAsync($"\r已处理 {lineNo:N0} 行 / {lineNo:N0} lines, {lineNo * 1000 / Math.Max(1, clock.ElapsedMilliseconds):N0}/s");
                    }
                },
                cancel);

            if (io.ErrorIsTerminal)
            {
                await io.Error.WriteAsync("\r");
            }

            var total = done.Total;
            await io.Error.WriteLineAsync($"批量评估完成：共 {done.Lines} 行，{done.Evaluated} 户已评估，{done.Errors} 行有误，{done.Empty} 行为空行；奖励合计 {total} 元（{Zh.Money(total)}），用时 {clock.Elapsed.TotalSeconds:F1} 秒 / done: {done.Lines} lines, {done.Evaluated} evaluated, {done.Errors} errors, {done.Empty} empty, total {total} yuan");
            return done.Errors > 0 ? ExitCode.BadInput : ExitCode.Ok;
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }
}
