using MiniExcelLibs;

namespace Huiqi.Store.Import;

/// <summary>
/// Every xlsx the platform writes (导出) goes through here, so that no text reaches a spreadsheet as a formula: a text
/// cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (OWASP's list for CSV and
/// spreadsheet injection) is written with a leading <c>'</c>. An enterprise named <c>=HYPERLINK(…)</c> or a reason
/// typed as <c>+86…</c> then reads as the text it is in Excel, in WPS and in a CSV saved from either. Numbers and dates
/// stay numbers and dates. The importers take the <c>'</c> off again (<see cref="Unguard"/>), so an export re-imports
/// as it was.
/// </summary>
public static class Workbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Triggers = "=+-@\t\r";

    /// <summary>The value as it is written: text a spreadsheet would evaluate gets a leading <c>'</c>.</summary>
    public static object? Cell(object? value) => value is string { Length: > 0 } s && Triggers.Contains(s[0], StringComparison.Ordinal) ? "'" + s : value;

    /// <summary>A text read back from an export: the guard's <c>'</c> taken off (and only that one).</summary>
    public static string Unguard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && Triggers.Contains(text[1], StringComparison.Ordinal) ? text[1..] : text;
    }

    /// <summary>The rows with every cell guarded, lazily (a streamed sheet stays streamed); keys and their order kept.</summary>
    public static IEnumerable<IDictionary<string, object?>> Guard(IEnumerable<IDictionary<string, object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            var safe = new Dictionary<string, object?>(row.Count);
            foreach (var (key, value) in row)
            {
                safe[key] = Cell(value);
            }

            yield return safe;
        }
    }

    /// <summary>One sheet whose header row is the rows' keys.</summary>
    public static byte[] Bytes(IEnumerable<IDictionary<string, object?>> rows, string sheet)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(Guard(rows), sheetName: sheet);
        return buffer.ToArray();
    }

    /// <summary>Several sheets, in order, each headed by its rows' keys.</summary>
    public static byte[] Bytes(IEnumerable<(string Sheet, IEnumerable<IDictionary<string, object?>> Rows)> sheets)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(Sheets(sheets));
        return buffer.ToArray();
    }

    /// <summary>Several sheets written to a file as they stream; <paramref name="printHeader"/> false when the first row carries the header.</summary>
    public static void Save(string path, IEnumerable<(string Sheet, IEnumerable<IDictionary<string, object?>> Rows)> sheets, bool printHeader = true) =>
        MiniExcel.SaveAs(path, Sheets(sheets), printHeader: printHeader, overwriteFile: true);

    private static Dictionary<string, object> Sheets(IEnumerable<(string Sheet, IEnumerable<IDictionary<string, object?>> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var all = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            all[sheet] = Guard(rows);
        }

        return all;
    }
}
