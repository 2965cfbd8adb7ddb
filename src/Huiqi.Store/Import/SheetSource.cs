using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Huiqi.Store.Import;

/// <summary>
/// The rows of an xlsx sheet (streamed with MiniExcel) or a CSV file (streamed with CsvHelper), one at a time, never the
/// whole sheet, each as its cells by column index with the row number Excel shows (a blank line is a row, a quoted
/// cell spanning lines is one). Merged cells of an xlsx are filled with their value (a
/// merged header, or one USCC merged down several rows). A CSV may be UTF-8 (with or without BOM) or GB18030, the
/// encoding Excel on a Chinese Windows saves CSV in. A table ends after <see cref="ImportLimits.BlankRunEnd"/> blank rows
/// in a row: a sheet formatted down to Excel's last row is not walked to its end.
/// </summary>
public static class SheetSource
{
    static SheetSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsCsv(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".txt" or ".tsv";

    /// <summary>The sheets of a workbook in order; a CSV has one.</summary>
    public static IReadOnlyList<string> SheetNames(string path) =>
        IsCsv(path) ? [Path.GetFileNameWithoutExtension(path)] : MiniExcel.GetSheetNames(path);

    /// <summary>Every row of a sheet, numbered from 1 as Excel numbers them, as cells indexed from column A = 0.</summary>
    public static IEnumerable<(int Row, object?[] Cells)> Rows(string path, string sheet) =>
        UntilBlankRun(IsCsv(path) ? CsvRows(path) : XlsxRows(MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: Merged)));

    /// <summary>The rows of the first sheet of an xlsx held in <paramref name="xlsx"/> (seekable), as <see cref="Rows(string, string)"/> gives them.</summary>
    public static IEnumerable<(int Row, object?[] Cells)> Rows(Stream xlsx) =>
        UntilBlankRun(XlsxRows(MiniExcel.Query(xlsx, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Merged)));

    private static readonly OpenXmlConfiguration Merged = new() { FillMergedCells = true };

    private static IEnumerable<(int Row, object?[] Cells)> UntilBlankRun(IEnumerable<(int Row, object?[] Cells)> rows)
    {
        var blank = 0;
        foreach (var row in rows)
        {
            blank = row.Cells.All(Cells.IsBlank) ? blank + 1 : 0;
            if (blank > ImportLimits.BlankRunEnd)
            {
                yield break;
            }

            yield return row;
        }
    }

    private static IEnumerable<(int Row, object?[] Cells)> XlsxRows(IEnumerable<dynamic> query)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in query)
        {
            number++;
            var cells = new object?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
            foreach (var (key, value) in row)
            {
                cells[ColumnIndex(key)] = value;
            }

            yield return (number, cells);
        }
    }

    private static IEnumerable<(int Row, object?[] Cells)> CsvRows(string path)
    {
        var (encoding, separator) = Sniff(path);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(reader, config);
        var number = 0;
        while (parser.Read())
        {
            number++;
            yield return (number, [.. parser.Record!.Select(f => f.Length == 0 ? null : (object?)f)]);
        }
    }

    /// <summary>A = 0, B = 1, …, AA = 26.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>0 = A, 26 = AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            letters = (char)('A' + (i - 1) % 26) + letters;
        }

        return letters;
    }

    /// <summary>UTF-8 when the first 64 KB decode as UTF-8 (or there is a BOM), else GB18030; tab or comma by the first line.</summary>
    private static (Encoding Encoding, char Separator) Sniff(string path)
    {
        var buffer = new byte[65536];
        int read;
        using (var f = File.OpenRead(path))
        {
            read = f.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var span = buffer.AsSpan(0, read);
        Encoding encoding;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            encoding = new UTF8Encoding(false);
        }
        else
        {
            // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes before judging.
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            var ok = false;
            for (var cut = 0; cut <= Math.Min(3, read) && !ok; cut++)
            {
                try
                {
                    strict.GetCharCount(span[..(read - cut)]);
                    ok = true;
                }
                catch (DecoderFallbackException)
                {
                    if (read < buffer.Length)
                    {
                        break;
                    }
                }
            }

            encoding = ok ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
        }

        var firstLine = encoding.GetString(span).Split('\n')[0];
        var separator = firstLine.Count(c => c == '\t') > firstLine.Count(c => c == ',') ? '\t' : ',';
        return (encoding, separator);
    }
}
