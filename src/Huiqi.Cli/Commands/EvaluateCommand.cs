using System.Buffers;
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
    /// <summary>Lines evaluated together by one core: large enough to be worth a task, small enough that memory stays flat.</summary>
    private const int Chunk = 1024;

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
        var (read, questionYear, wellFormed) = DossierReader.ReadQuestion(text, year);
        if (questionYear is null && wellFormed)
        {
            throw new UsageException("缺少评估年度 --year / --year is required");
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

        // A pipeline: this thread reads chunks of lines and writes finished chunks in input order, while the cores
        // evaluate the chunks in between. Answers go to the file as UTF-8 bytes; memory holds a few chunks at most.
        var file = outPath is null ? null : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var newLine = Encoding.UTF8.GetBytes(Environment.NewLine);
        // Each chunk's lines and answers are reused once written: the buffers stay few and out of the large object heap's churn.
        var inFlight = new Queue<(LineChunk Lines, BatchChunk Chunk, Task<BatchChunk> Answers)>();
        var spare = new Stack<(LineChunk Lines, BatchChunk Chunk)>();
        try
        {
            using var reader = JsonLines.Open(input);
            var maxInFlight = Math.Max(2, Environment.ProcessorCount * 2);
            long lineNo = 0, count = 0, errors = 0;
            var total = 0m;
            var clock = Stopwatch.StartNew();
            var lastProgress = 0L;
            while (true)
            {
                var (lines, answersOf) = spare.Count > 0 ? spare.Pop() : (new LineChunk(), new BatchChunk());
                var n = reader.Next(lines, Chunk) ? lines.Count : 0;
                if (n > 0)
                {
                    inFlight.Enqueue((lines, answersOf, Task.Run(() => answersOf.Evaluate(evaluator, options, lines, year, cancel), cancel)));
                    lineNo += n;
                }
                else
                {
                    spare.Push((lines, answersOf));
                }

                // Write what is done, in order; wait for the oldest when enough is in flight or the input is exhausted.
                while (inFlight.Count > 0 && (n == 0 || inFlight.Count >= maxInFlight || inFlight.Peek().Answers.IsCompleted))
                {
                    var (read, chunk, answers) = inFlight.Dequeue();
                    var done = await answers;
                    for (var i = 0; i < done.Lines; i++)
                    {
                        var bytes = done.Line(i);
                        if (file is not null)
                        {
                            file.Write(bytes);
                            file.Write(newLine);
                        }
                        else
                        {
                            await io.Out.WriteLineAsync(Encoding.UTF8.GetString(bytes));
                        }
                    }

                    count += done.Lines;
                    errors += done.Errors;
                    total += done.Total;
                    spare.Push((read, chunk));
                }

                if (io.ErrorIsTerminal && clock.ElapsedMilliseconds - lastProgress > 500)
                {
                    lastProgress = clock.ElapsedMilliseconds;
                    await io.Error.WriteAsync($"\r已处理 {lineNo:N0} 行 / {lineNo:N0} lines, {lineNo * 1000 / Math.Max(1, clock.ElapsedMilliseconds):N0}/s");
                }

                if (n == 0)
                {
                    break;
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
            foreach (var (lines, _, answers) in inFlight)
            {
                await ((Task)answers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                lines.Dispose();
            }

            foreach (var (lines, _) in spare)
            {
                lines.Dispose();
            }

            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    /// <summary>The answers of one chunk of a batch, one UTF-8 line each (without its line end), and what they add up to.</summary>
    private sealed class BatchChunk
    {
        private readonly ArrayBufferWriter<byte> _bytes;
        private readonly List<int> _ends;

        public BatchChunk()
        {
            _bytes = new ArrayBufferWriter<byte>(Chunk * 512);
            _ends = new List<int>(Chunk);
        }

        /// <summary>Non-blank lines: each has an answer or an error line.</summary>
        public int Lines => _ends.Count;

        public long Errors { get; private set; }

        public decimal Total { get; private set; }

        public ReadOnlySpan<byte> Line(int i) => _bytes.WrittenSpan[(i == 0 ? 0 : _ends[i - 1]).._ends[i]];

        /// <summary>Evaluates the lines into this chunk, emptied first.</summary>
        public BatchChunk Evaluate(Evaluator evaluator, EvaluationOptions options, LineChunk lines, int year, CancellationToken cancel)
        {
            _bytes.ResetWrittenCount();
            _ends.Clear();
            Errors = 0;
            Total = 0;
            var scratch = Scratch ??= new ArrayBufferWriter<byte>(4096);
            for (var i = 0; i < lines.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                scratch.ResetWrittenCount();
                var (kind, total) = WriteLine(evaluator, options, lines, i, year, scratch);
                if (kind == LineKind.Blank)
                {
                    continue;
                }

                _bytes.Write(scratch.WrittenSpan);
                _ends.Add(_bytes.WrittenCount);
                Total += total;
                if (kind == LineKind.Bad)
                {
                    Errors++;
                }
            }

            return this;
        }

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? Scratch;
    }

    private enum LineKind
    {
        Blank,
        Answer,
        Bad,
    }

    /// <summary>
    /// One line of a batch into <paramref name="output"/> as UTF-8: the same text as <see cref="BatchLine.ToJson"/>,
    /// written without a string for the answer.
    /// </summary>
    private static (LineKind Kind, decimal Total) WriteLine(Evaluator evaluator, EvaluationOptions options, LineChunk lines, int i, int year, ArrayBufferWriter<byte> output)
    {
        if (lines.IsBlank(i))
        {
            return (LineKind.Blank, 0);
        }

        var lineNo = lines.FirstLine + i;
        var read = lines.Read(i);
        if (!read.Ok)
        {
            output.Write(Encoding.UTF8.GetBytes(BatchLine.Error(lineNo, read.Errors)));
            return (LineKind.Bad, 0);
        }

        try
        {
            var answer = evaluator.Evaluate(read.Dossier!, year, options);
            AnswerJson.WriteUtf8(output, answer);
            return (LineKind.Answer, answer.Total);
        }
        catch (OverflowException)
        {
            output.ResetWrittenCount();
            output.Write(Encoding.UTF8.GetBytes(BatchLine.Error(lineNo, [BatchLine.TooLarge])));
            return (LineKind.Bad, 0);
        }
    }
}
