using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Huiqi.Engine.Input;

/// <summary>
/// A JSONL file or stream read in chunks of lines kept as their UTF-8 bytes: no string per line and no round trip
/// through UTF-16 before the dossier reader sees them. Lines are split, numbered and read exactly as
/// <see cref="StreamReader.ReadLine"/> over the file (UTF-8, byte-order marks detected) and
/// <see cref="DossierReader.Read(string)"/> would: a line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; a leading
/// UTF-8 byte-order mark is skipped; a line that is not plain valid JSON is decoded (invalid bytes as U+FFFD, as the
/// stream reader decodes them) and read as text, so its errors are worded as before; a file in UTF-16 or UTF-32 (by
/// its byte-order mark) is read as text throughout (<see cref="IsUtf8"/> is then false).
/// With a line cap (行长度上限), a longer line is never held: it is skipped to its <c>\n</c> while it streams by and
/// stands in its chunk as one line that <see cref="LineChunk.IsTooLong"/>, so the lines after it keep their numbers.
/// </summary>
public sealed class JsonLines : IDisposable
{
    /// <summary>Bytes asked of the source at a time.</summary>
    private const int Block = 1 << 18;

    /// <summary>A chunk stops taking lines past this many bytes, so a chunk of long lines stays small.</summary>
    private const int ChunkBytes = 8 << 20;

    private readonly Stream? _bytes;
    private readonly StreamReader? _text;
    private readonly bool _sync;
    private readonly bool _owned;
    private readonly int _maxLineBytes;
    private byte[] _carry = [];
    private int _carried;
    private bool _end;
    private bool _foreign;
    private long _lines;

    private JsonLines(Stream? bytes, StreamReader? text, bool sync, int maxLineBytes)
    {
        _bytes = bytes;
        _text = text;
        _sync = sync;
        _owned = sync;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>False when the source is UTF-16 or UTF-32 by its byte-order mark.</summary>
    public bool IsUtf8 => _text is null && !_foreign;

    /// <summary>The line cap in bytes (<see cref="int.MaxValue"/>: none).</summary>
    public int MaxLineBytes => _maxLineBytes;

    /// <summary>Opens a JSONL file (it must exist), read synchronously, with no line cap.</summary>
    public static JsonLines Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return OpenAsync(stream, int.MaxValue, sync: true, default).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Opens a JSONL stream read asynchronously (a request body): a line longer than <paramref name="maxLineBytes"/>
    /// is skipped and reported. A stream in UTF-16 or UTF-32 is not read (<see cref="IsUtf8"/> is false). The stream
    /// stays the caller's: it is not disposed with the reader.
    /// </summary>
    public static ValueTask<JsonLines> OpenAsync(Stream stream, int maxLineBytes, CancellationToken cancel) =>
        OpenAsync(stream, maxLineBytes, sync: false, cancel);

    private static async ValueTask<JsonLines> OpenAsync(Stream stream, int maxLineBytes, bool sync, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        var head = new byte[4];
        var n = sync
            ? stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)
            : await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancel);
        var start = head.AsSpan(0, n);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            // Only a file can be read again from its mark; a stream in UTF-16 or UTF-32 is for the caller to refuse.
            if (!stream.CanSeek)
            {
                return new JsonLines(stream, null, sync, maxLineBytes) { _foreign = true };
            }

            stream.Position = 0;
            return new JsonLines(null, new StreamReader(stream, Encoding.UTF8, true, 1 << 16), sync, maxLineBytes);
        }

        var lines = new JsonLines(stream, null, sync, maxLineBytes);
        var skip = start.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        lines._carry = start[skip..].ToArray();
        lines._carried = n - skip;
        return lines;
    }

    /// <summary>
    /// Fills <paramref name="chunk"/> with the next lines, <paramref name="maxLines"/> at most (a few more when a lone
    /// <c>\r</c> ends lines inside the last); false at the end of the file. Only for a file opened by path.
    /// </summary>
    public bool Next(LineChunk chunk, int maxLines) =>
        _sync
            ? NextAsync(chunk, maxLines, default).AsTask().GetAwaiter().GetResult()
            : throw new InvalidOperationException("a stream opened with OpenAsync is read with NextAsync");

    /// <summary>As <see cref="Next"/>, for any source: a file is still read synchronously, a stream asynchronously.</summary>
    public async ValueTask<bool> NextAsync(LineChunk chunk, int maxLines, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_foreign)
        {
            throw new InvalidOperationException("a stream in UTF-16 or UTF-32 is not read");
        }

        chunk.Start(_lines + 1, _maxLineBytes);
        if (_text is not null)
        {
            while (chunk.Count < maxLines && (_sync ? _text.ReadLine() : await _text.ReadLineAsync(cancel)) is { } line)
            {
                chunk.AddText(line);
            }
        }
        else
        {
            await ReadBytesAsync(chunk, maxLines, cancel);
        }

        _lines += chunk.Count;
        return chunk.Count > 0;
    }

    private async ValueTask<int> ReadAsync(byte[] buffer, int offset, CancellationToken cancel) =>
        _sync ? _bytes!.Read(buffer, offset, buffer.Length - offset) : await _bytes!.ReadAsync(buffer.AsMemory(offset), cancel);

    private async ValueTask ReadBytesAsync(LineChunk chunk, int maxLines, CancellationToken cancel)
    {
        var buffer = chunk.Buffer(_carried + Block);
        _carry.AsSpan(0, _carried).CopyTo(buffer);
        int length = _carried, scanned = 0;
        while (chunk.Count < maxLines && scanned < ChunkBytes)
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

            if (length - scanned > _maxLineBytes)
            {
                // Over the cap with no line end yet: the line counts as one, its bytes are read past and dropped
                // (into the space after the lines already taken) up to its \n.
                chunk.AddTooLong();
                length = scanned;
                while (true)
                {
                    if (buffer.Length - scanned < Block)
                    {
                        buffer = chunk.Grow(scanned);
                    }

                    var got = await ReadAsync(buffer, scanned, cancel);
                    if (got == 0)
                    {
                        _end = true;
                        break;
                    }

                    var end = buffer.AsSpan(scanned, got).IndexOf((byte)'\n');
                    if (end >= 0)
                    {
                        buffer.AsSpan(scanned + end + 1, got - end - 1).CopyTo(buffer.AsSpan(scanned));
                        length = scanned + got - end - 1;
                        break;
                    }
                }

                continue;
            }

            if (length == buffer.Length)
            {
                buffer = chunk.Grow(length);
            }

            var read = await ReadAsync(buffer, length, cancel);
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
        if (_owned)
        {
            _bytes?.Dispose();
            _text?.Dispose();
        }
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

    private int _maxLineBytes = int.MaxValue;

    /// <summary>The 1-based number of the chunk's first line in its file.</summary>
    public long FirstLine { get; private set; }

    public int Count { get; private set; }

    internal void Start(long firstLine, int maxLineBytes)
    {
        FirstLine = firstLine;
        Count = 0;
        _maxLineBytes = maxLineBytes;
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

    /// <summary>A line over the cap, whose bytes were dropped.</summary>
    internal void AddTooLong() => Add(-1, -1, null);

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

        // A line over the cap is marked by a negative start, whichever way it was found.
        _starts[Count] = text is null && end - start > _maxLineBytes ? -1 : start;
        _ends[Count] = end;
        Count++;
    }

    /// <summary>The UTF-8 bytes of a line (empty for a line read as text or over the cap).</summary>
    public ReadOnlySpan<byte> Bytes(int i) => IsTooLong(i) ? [] : _buffer.AsSpan(_starts[i], _ends[i] - _starts[i]);

    /// <summary>Whether the line was longer than the reader's cap, so it was not kept (行超长).</summary>
    public bool IsTooLong(int i) => _starts[i] < 0;

    /// <summary>The line as <see cref="StreamReader.ReadLine"/> gives it.</summary>
    public string Text(int i) => _texts?[i] ?? Encoding.UTF8.GetString(Bytes(i));

    /// <summary>Whether the line is empty or white space only (<see cref="string.IsNullOrWhiteSpace"/> of its text).</summary>
    public bool IsBlank(int i)
    {
        if (IsTooLong(i))
        {
            return false;
        }

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

    /// <summary>
    /// The dossier of a line, as <see cref="DossierReader.Read(string)"/> reads its text; a line over the cap is an
    /// input error naming the cap.
    /// </summary>
    public DossierReadResult Read(int i)
    {
        if (IsTooLong(i))
        {
            return new DossierReadResult(null, [new InputError(InputError.Root, null,
                $"该行超过 {_maxLineBytes} 字节的行长度上限，未读取",
                $"the line is longer than the limit of {_maxLineBytes} bytes and was not read")]);
        }

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
