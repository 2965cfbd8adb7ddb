using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;

namespace Huiqi.Engine.Output;

/// <summary>
/// One line of a batch (JSONL, one dossier per line), as dossier.md asks: the answer, or an error line naming the line
/// and every error, so the other lines go on. The command line and the web API both write exactly this.
/// </summary>
public static class BatchLine
{
    /// <summary>A figure so large that the arithmetic overflows: an input error, not a crash of the batch.</summary>
    public static readonly InputError TooLarge = new(InputError.Root, null, "数值过大，计算溢出", "a figure is too large to compute with");

    /// <summary>The answer JSON of one line, or its error line; a blank line gives the empty string.</summary>
    public static string ToJson(Evaluator evaluator, EvaluationOptions options, string line, long lineNo, int year)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return "";
        }

        var read = DossierReader.Read(line);
        if (!read.Ok)
        {
            return Error(lineNo, read.Errors);
        }

        try
        {
            return AnswerJson.ToJson(evaluator.Evaluate(read.Dossier!, year, options));
        }
        catch (OverflowException)
        {
            return Error(lineNo, [TooLarge]);
        }
    }

    /// <summary><c>{"line":N,"errors":[…]}</c>: the line number (from 1) and the errors of <see cref="ErrorJson"/>.</summary>
    public static string Error(long lineNo, IReadOnlyList<InputError> errors) => $"{{\"line\":{lineNo},{ErrorJson.ToJson(errors)[1..]}";
}
