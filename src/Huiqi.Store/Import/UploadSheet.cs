namespace Huiqi.Store.Import;

/// <summary>One data row of an uploaded sheet: its Excel row number and its cells, found by the header's names.</summary>
public readonly record struct SheetRow(int Number, object?[] Cells, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The cell under a header, or null when the sheet has no such column or the row stops short of it.</summary>
    public object? this[string header] => Columns.TryGetValue(header, out var i) && i < Cells.Length ? Cells[i] : null;

    /// <summary>The column letter of a header (A, B, …), to name it in a message.</summary>
    public string Letter(string header) => Columns.TryGetValue(header, out var i) ? SheetSource.ColumnLetters(i) : "";
}

/// <summary>
/// An uploaded xlsx read within its kind's <see cref="ImportLimits"/> (上传表格): the file copied only up to the size cap,
/// the first sheet's first row taken as the header (refused when it lacks a required column), then the data rows one
/// at a time as MiniExcel streams them, blank rows skipped. Reading stops at the row cap (the sheet is then refused, naming the cap), after
/// <see cref="ImportLimits.BlankRunEnd"/> blank rows in a row (the table has ended), or at a file that is not an
/// xlsx; <see cref="Refusal"/> then says why, and the caller writes nothing.
/// </summary>
public sealed class UploadSheet
{
    private readonly Stream? _xlsx;
    private readonly IReadOnlyList<string> _required;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private UploadSheet(Stream? xlsx, ImportLimits limits, IReadOnlyList<string> required, string? refusal)
    {
        _xlsx = xlsx;
        _required = required;
        Limits = limits;
        Refusal = refusal;
    }

    public ImportLimits Limits { get; }

    /// <summary>The header's names and their column index (A = 0), known once <see cref="Rows"/> has started.</summary>
    public IReadOnlyDictionary<string, int> Columns => _columns;

    /// <summary>Rows taken from the file so far, the header and blank rows included: what reading cost.</summary>
    public int RowsRead { get; private set; }

    /// <summary>Data rows handed out so far.</summary>
    public int DataRows { get; private set; }

    /// <summary>Why the file cannot be imported as a whole (too large, too many rows, unreadable, empty), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The Excel row a refusal points at (0 for the file as a whole).</summary>
    public int RefusalRow { get; private set; }

    /// <summary>
    /// Copies <paramref name="upload"/> up to the size cap of <paramref name="limits"/> and opens it; when the upload is
    /// longer, reading stops one byte past the cap and the sheet is refused without its rows. The header must name every
    /// column of <paramref name="required"/>.
    /// </summary>
    public static async Task<UploadSheet> OpenAsync(Stream upload, ImportLimits limits, IEnumerable<string> required, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(required);
        var copy = await CopyAtMostAsync(upload, limits.MaxBytes, cancel);
        return new UploadSheet(copy, limits, [.. required], copy is null ? limits.TooLarge : null);
    }

    /// <summary>The bytes of <paramref name="source"/> in memory, or null (having read no more than max + 1 bytes) when it holds more than <paramref name="max"/>.</summary>
    public static async Task<MemoryStream?> CopyAtMostAsync(Stream source, long max, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        while (true)
        {
            var want = (int)Math.Min(buffer.Length, max + 1 - copy.Length);
            var read = await source.ReadAsync(buffer.AsMemory(0, want), cancel);
            if (read == 0)
            {
                copy.Position = 0;
                return copy;
            }

            copy.Write(buffer, 0, read);
            if (copy.Length > max)
            {
                await copy.DisposeAsync();
                return null;
            }
        }
    }

    /// <summary>The data rows (after the header row), streamed; stops early as the type's summary says.</summary>
    public IEnumerable<SheetRow> Rows()
    {
        if (_xlsx is null || Refusal is not null)
        {
            yield break;
        }

        _xlsx.Position = 0;
        using var rows = SheetSource.Rows(_xlsx).GetEnumerator();
        var headerSeen = false;
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or NotSupportedException or ArgumentException)
            {
                Refuse(0, "无法读取该文件，请上传由模板填写的 .xlsx 文件");
                yield break;
            }

            RowsRead++;
            var (number, cells) = rows.Current;
            if (!headerSeen)
            {
                headerSeen = true;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (Cells.Text(cells[i]) is { } name)
                    {
                        _columns.TryAdd(name, i);
                    }
                }

                if (_required.Where(c => !_columns.ContainsKey(c)).ToList() is { Count: > 0 } missing)
                {
                    Refuse(number, $"缺少“{string.Join("”“", missing)}”列，请使用下载的模板");
                    yield break;
                }

                continue;
            }

            if (cells.All(Cells.IsBlank))
            {
                continue;
            }

            if (DataRows == Limits.MaxRows)
            {
                Refuse(number, Limits.TooManyRows);
                yield break;
            }

            DataRows++;
            yield return new SheetRow(number, cells, _columns);
        }

        if (!headerSeen)
        {
            Refuse(1, "表格为空，请使用下载的模板");
        }
    }

    private void Refuse(int row, string reason) => (RefusalRow, Refusal) = (row, reason);
}
