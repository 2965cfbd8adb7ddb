using System.Buffers;
using System.Globalization;
using System.Text;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;

namespace Huiqi.Engine.Output;

/// <summary>
/// One line of a batch (批量评估, JSONL, one dossier per line), as dossier.md asks: every input line gets exactly one
/// output line carrying its number (<c>"line"</c>, from 1), so the output lines up with the input — the answer with
/// the number in front, an error line naming every error (the other lines go on), or for a blank line an answer
/// saying it is empty. The command line and the web API both write exactly this, through <see cref="BatchRun"/>.
/// </summary>
public static class BatchLine
{
    /// <summary>A figure so large that the arithmetic overflows: an input error, not a crash of the batch.</summary>
    public static readonly InputError TooLarge = new(InputError.Root, null, "数值过大，计算溢出", "a figure is too large to compute with");

    /// <summary><c>{"line":N,"errors":[…]}</c>: the line number (from 1) and the errors of <see cref="ErrorJson"/>.</summary>
    public static string Error(long lineNo, IReadOnlyList<InputError> errors) => $"{{\"line\":{lineNo},{ErrorJson.ToJson(errors)[1..]}";

    /// <summary><c>{"line":N,"empty":true,"message":…}</c>: a blank line, answered so that the lines stay aligned.</summary>
    public static string Empty(long lineNo) =>
        $"{{\"line\":{lineNo},\"empty\":true,\"message\":\"第{lineNo}行为空行，没有企业档案 / line {lineNo} is empty: no dossier\"}}";

    /// <summary>
    /// One line of <paramref name="lines"/> into the empty <paramref name="output"/> as UTF-8 (without its line end):
    /// its answer, its error line, or its empty line; and the answer's total.
    /// </summary>
    public static (BatchLineKind Kind, decimal Total) Write(Evaluator evaluator, EvaluationOptions options, LineChunk lines, int i, int year, ArrayBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(output);
        var lineNo = lines.FirstLine + i;
        if (lines.IsBlank(i))
        {
            output.Write(Encoding.UTF8.GetBytes(Empty(lineNo)));
            return (BatchLineKind.Empty, 0);
        }

        var read = lines.Read(i);
        if (!read.Ok)
        {
            output.Write(Encoding.UTF8.GetBytes(Error(lineNo, read.Errors)));
            return (BatchLineKind.Bad, 0);
        }

        try
        {
            // The answer object with "line" as its first member: the prefix, then the answer less its opening brace.
            output.Write(Encoding.UTF8.GetBytes("{\"line\":" + lineNo.ToString(CultureInfo.InvariantCulture) + ","));
            var answer = evaluator.Evaluate(read.Dossier!, year, options);
            var scratch = Scratch ??= new ArrayBufferWriter<byte>(4096);
            scratch.ResetWrittenCount();
            AnswerJson.WriteUtf8(scratch, answer);
            output.Write(scratch.WrittenSpan[1..]);
            return (BatchLineKind.Answer, answer.Total);
        }
        catch (OverflowException)
        {
            output.ResetWrittenCount();
            output.Write(Encoding.UTF8.GetBytes(Error(lineNo, [TooLarge])));
            return (BatchLineKind.Bad, 0);
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Scratch;
}

/// <summary>What an output line of a batch says.</summary>
public enum BatchLineKind
{
    Empty,
    Answer,
    Bad,
}

/// <summary>The answers of one chunk of a batch, one UTF-8 line each (without its line end), and what they add up to.</summary>
public sealed class BatchChunk
{
    private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
    private readonly List<int> _ends = [];

    /// <summary>Output lines: one per input line.</summary>
    public int Lines => _ends.Count;

    public long Errors { get; private set; }

    public long Empty { get; private set; }

    public decimal Total { get; private set; }

    public ReadOnlyMemory<byte> Line(int i) => _bytes.WrittenMemory[(i == 0 ? 0 : _ends[i - 1]).._ends[i]];

    /// <summary>Evaluates the lines into this chunk, emptied first.</summary>
    public BatchChunk Evaluate(Evaluator evaluator, EvaluationOptions options, LineChunk lines, int year, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _bytes.ResetWrittenCount();
        _ends.Clear();
        Errors = 0;
        Empty = 0;
        Total = 0;
        var scratch = Scratch ??= new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < lines.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            scratch.ResetWrittenCount();
            var (kind, total) = BatchLine.Write(evaluator, options, lines, i, year, scratch);
            _bytes.Write(scratch.WrittenSpan);
            _ends.Add(_bytes.WrittenCount);
            Total += total;
            Errors += kind == BatchLineKind.Bad ? 1 : 0;
            Empty += kind == BatchLineKind.Empty ? 1 : 0;
        }

        return this;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Scratch;
}

/// <summary>What a batch came to: lines read, of them bad and empty, and the sum of the answers.</summary>
public sealed record BatchSummary(long Lines, long Errors, long Empty, decimal Total)
{
    /// <summary>Lines answered with an evaluation.</summary>
    public long Evaluated => Lines - Errors - Empty;
}

/// <summary>
/// A whole batch as a pipeline: the caller's thread reads chunks of lines and writes finished chunks in input order,
/// while the cores evaluate the chunks in between; memory holds a few chunks at most. Shared by
/// <c>huiqi evaluate --batch</c> and <c>POST /api/evaluate/batch</c>, so the two answer line for line alike.
/// </summary>
public static class BatchRun
{
    public static async Task<BatchSummary> RunAsync(
        JsonLines reader,
        Evaluator evaluator,
        EvaluationOptions options,
        int year,
        int chunkLines,
        int maxInFlight,
        Func<BatchChunk, CancellationToken, ValueTask> write,
        Func<long, ValueTask>? progress,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(write);
        // Each chunk's lines and answers are reused once written: the buffers stay few and out of the large object heap's churn.
        var inFlight = new Queue<(LineChunk Lines, BatchChunk Chunk, Task<BatchChunk> Answers)>();
        var spare = new Stack<(LineChunk Lines, BatchChunk Chunk)>();
        long lineNo = 0, count = 0, errors = 0, empty = 0;
        var total = 0m;
        try
        {
            while (true)
            {
                var (lines, answersOf) = spare.Count > 0 ? spare.Pop() : (new LineChunk(), new BatchChunk());
                var n = await reader.NextAsync(lines, chunkLines, cancel) ? lines.Count : 0;
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
                    await write(done, cancel);
                    count += done.Lines;
                    errors += done.Errors;
                    empty += done.Empty;
                    total += done.Total;
                    spare.Push((read, chunk));
                }

                if (progress is not null)
                {
                    await progress(lineNo);
                }

                if (n == 0)
                {
                    return new BatchSummary(count, errors, empty, total);
                }
            }
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
        }
    }
}
