namespace Huiqi.Store.Import;

/// <summary>One refused cell or row of an import, as the error list gives it: where (row, column) and why.</summary>
public interface IRowError
{
    /// <summary>The Excel row (0 for the file as a whole).</summary>
    int Row { get; }

    string Column { get; }

    string? Value { get; }

    string Reason { get; }

    /// <summary>The sheet, when a workbook has several.</summary>
    string? Sheet => null;
}

/// <summary>
/// The full list of an import's errors as a workbook (错误清单: 行、列、错误), downloadable beside the page that lists the
/// first <see cref="ImportLimits.ShownErrors"/>, and written by <c>huiqi import --report</c>.
/// </summary>
public static class ErrorSheet
{
    public const string SheetName = "错误清单";

    public static byte[] Bytes(IEnumerable<IRowError> errors) => Workbooks.Bytes(Rows(errors), SheetName);

    public static void Save(string path, IEnumerable<IRowError> errors) => Workbooks.Save(path, [(SheetName, Rows(errors))]);

    /// <summary>The error as its row's cell reads: the value found, then the reason.</summary>
    public static string Describe(IRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.IsNullOrEmpty(error.Value) ? error.Reason : $"“{error.Value}”：{error.Reason}";
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(IEnumerable<IRowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var e in errors)
        {
            var row = new Dictionary<string, object?>();
            if (e.Sheet is not null)
            {
                row["工作表"] = e.Sheet;
            }

            row["行"] = e.Row > 0 ? e.Row : null;
            row["列"] = e.Column;
            row["错误"] = Describe(e);
            yield return row;
        }
    }
}
