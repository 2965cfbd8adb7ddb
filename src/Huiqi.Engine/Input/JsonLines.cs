using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Huiqi.Engine.Input;

/// <summary>
/// A JSONL file read in chunks of lines kept as the file's UTF-8 bytes: no string per line and no round trip through
/// UTF-16 before the dossier reader sees them. Lines are split, numbered and read exactly as
/// <see cref="StreamReader.ReadLine"/> over the file (UTF-8, byte-order marks detected) and
/// <see cref="DossierReader.Read(string)"/> would: a line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; a leading
/// UTF-8 byte-order mark is skipped; a line that is not plain valid JSON is decoded (invalid bytes as U+FFFD, as the
/// stream reader decodes them) and read as text, so its errors are worded as before; a file in UTF-16 or UTF-32 (by
/// its byte-order mark) is read as text throughout.
/// </summary>
public sealed class JsonLines : IDisposable
{
    /// <summary>Bytes asked of the file at a time.</summary>
    private const int Block = 1 << 18;

    private readonly FileStream? _bytes;
    private readonly StreamReader? _text;
    private byte[] _carry = [];
    private int _carried;
    private bool _end;
    private long _lines;

    private JsonLines(FileStream? bytes, StreamReader? text)
    {
        _bytes = bytes;
        _text = text;
    }

    /// <summary>Opens a JSONL file (it must exist).</summary>
    public static JsonLines Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            stream.Position = 0;
            return new JsonLines(null, new StreamReader(stream, Encoding.UTF8, true, 1 << 16));
        }

        var lines = new JsonLines(stream, null);
        var skip = head.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        lines._carry = new byte[n - skip];
        head[skip..].CopyTo(lines._carry);
        lines._carried = n - skip;
        return lines;
    }

    /// <summary>
    /// Fills <paramref name="chunk"/> with the next lines, <paramref name="maxLines"/> at most (a few more when a lone
    /// <c>\r</c> ends lines inside the last); false at the end of the file.
    /// </summary>
    public bool Next(LineChunk chunk, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        chunk.Start(_lines + 1);
        if (_text is not null)
        {
            while (chunk.Count < maxLines && _text.ReadLine() is { } line)
            {
                chunk.AddText(line);
            }
        }
        else
        {
            ReadBytes(chunk, maxLines);
        }

        _lines += chunk.Count;
        return chunk.Count > 0;
    }

    private void ReadBytes(LineChunk chunk, int maxLines)
    {
        var buffer = chunk.Buffer(_carried + Block);
        _carry.AsSpan(0, _carried).CopyTo(buffer);
        int length = _carried, scanned = 0;
        while (chunk.Count < maxLines)
        {
            var newLine = buffer.AsSpan(scanned, length - scanned).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                chunk.AddSegment(scanned, scanned + newLine);
                scanned += newLine + 1;
                continue;
            }

            if (_end)
            {
                if (scanned < length)
                {
                    chunk.AddSegment(scanned, length);
                }

                scanned = length;
                break;
            }

            if (length == buffer.Length)
            {
                buffer = chunk.Grow(length);
            }

            var read = _bytes!.Read(buffer, length, buffer.Length - length);
            _end = read == 0;
            length += read;
        }

        _carried = length - scanned;
        if (_carry.Length < _carried)
        {
            _carry = new byte[Math.Max(_carried, Block)];
        }

        buffer.AsSpan(scanned, _carried).CopyTo(_carry);
    }

    public void Dispose()
    {
        _bytes?.Dispose();
        _text?.Dispose();
    }
}

/// <summary>
/// Lines of a JSONL file (<see cref="JsonLines"/>), numbered from <see cref="FirstLine"/>: UTF-8 bytes in one pooled
/// buffer, or text for a file read as text. Reused from chunk to chunk; <see cref="Dispose"/> returns the buffer.
/// </summary>
public sealed class LineChunk : IDisposable
{
    private byte[] _buffer = [];
    private int[] _starts = new int[64];
    private int[] _ends = new int[64];
    private string?[]? _texts;

    /// <summary>The 1-based number of the chunk's first line in its file.</summary>
    public long FirstLine { get; private set; }

    public int Count { get; private set; }

    internal void Start(long firstLine)
    {
        FirstLine = firstLine;
        Count = 0;
    }

    internal byte[] Buffer(int size)
    {
        if (_buffer.Length < size)
        {
            Release();
            _buffer = ArrayPool<byte>.Shared.Rent(size);
        }

        return _buffer;
    }

    /// <summary>A buffer twice as large holding the first <paramref name="kept"/> bytes of this one.</summary>
    internal byte[] Grow(int kept)
    {
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, kept).CopyTo(larger);
        Release();
        _buffer = larger;
        return larger;
    }

    /// <summary>The bytes between two <c>\n</c>: one line, less a final <c>\r</c>, or several where a lone <c>\r</c> ends one.</summary>
    internal void AddSegment(int start, int end)
    {
        if (end > start && _buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        int r;
        while ((r = _buffer.AsSpan(start, end - start).IndexOf((byte)'\r')) >= 0)
        {
            Add(start, start + r, null);
            start += r + 1;
        }

        Add(start, end, null);
    }

    internal void AddText(string line) => Add(0, 0, line);

    private void Add(int start, int end, string? text)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }

        if (text is not null || _texts is not null)
        {
            _texts ??= new string?[_starts.Length];
            if (_texts.Length < _starts.Length)
            {
                Array.Resize(ref _texts, _starts.Length);
            }

            _texts[Count] = text;
        }

        _starts[Count] = start;
        _ends[Count] = end;
        Count++;
    }

    /// <summary>The UTF-8 bytes of a line (empty for a line read as text).</summary>
    public ReadOnlySpan<byte> Bytes(int i) => _buffer.AsSpan(_starts[i], _ends[i] - _starts[i]);

    /// <summary>The line as <see cref="StreamReader.ReadLine"/> gives it.</summary>
    public string Text(int i) => _texts?[i] ?? Encoding.UTF8.GetString(Bytes(i));

    /// <summary>Whether the line is empty or white space only (<see cref="string.IsNullOrWhiteSpace"/> of its text).</summary>
    public bool IsBlank(int i)
    {
        if (_texts?[i] is { } text)
        {
            return string.IsNullOrWhiteSpace(text);
        }

        foreach (var b in Bytes(i))
        {
            if (b < 0x80 && !char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }

        return string.IsNullOrWhiteSpace(Text(i));
    }

    /// <summary>The dossier of a line, as <see cref="DossierReader.Read(string)"/> reads its text.</summary>
    public DossierReadResult Read(int i)
    {
        if (_texts?[i] is { } text)
        {
            return DossierReader.Read(text);
        }

        var bytes = Bytes(i);
        return Utf8.IsValid(bytes) && DossierReader.TryReadFast(bytes) is { } dossier
            ? new DossierReadResult(dossier, [])
            : DossierReader.Read(Text(i));
    }

    /// <summary>Every line as text, for a reader of strings.</summary>
    public IReadOnlyList<string> Texts()
    {
        var texts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            texts[i] = Text(i);
        }

        return texts;
    }

    public void Dispose() => Release();

    private void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
    }
}
