using System.Text;
using CsCheck;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;

namespace Huiqi.Engine.Tests.Input;

/// <summary>
/// <see cref="JsonLines"/> against what it stands in for: <see cref="StreamReader.ReadLine"/> over the file (UTF-8,
/// byte-order marks detected), <see cref="string.IsNullOrWhiteSpace"/> and <see cref="DossierReader.Read(string)"/> of
/// each line — the same lines, numbers, blanks, dossiers and errors, whatever the line ends, marks and bad bytes.
/// </summary>
public class JsonLinesTests
{
    private const string Good = """{"uscc":"91410100MA3159566W","name":"郑州示例装备制造有限公司","district":"郑州经开区","traits":["industrial"],"figures":{"mainRevenue":{"2023":5000000000,"2024":5500000000.50}}}""";

    private static readonly byte[][] Pieces =
    [
        Encoding.UTF8.GetBytes(Good),
        Encoding.UTF8.GetBytes("""{"uscc":"91410100MA3159566W","name":"甲","district":"金水区","figures":{"mainRevenue":{"2023":-5}}}"""),
        Encoding.UTF8.GetBytes("""{"uscc":"91410100MA3159566W","name":"\u7532","district":"金水区"}"""),
        Encoding.UTF8.GetBytes("""{"uscc":"x","name":"乙"""),
        Encoding.UTF8.GetBytes("not json"),
        Encoding.UTF8.GetBytes("  "),
        Encoding.UTF8.GetBytes("\u3000\u00a0"),
        Encoding.UTF8.GetBytes("\t"),
        [],
        [0xEF, 0xBB, 0xBF],
        [0xE4, 0xB8],
        [0xFF],
        [0xC0, 0x80],
        [(byte)' ', 0xE3, 0x80],
    ];

    private static readonly byte[][] Ends = [[(byte)'\n'], [(byte)'\r', (byte)'\n'], [(byte)'\r'], [(byte)'\n', (byte)'\n'], [(byte)'\r', (byte)'\r', (byte)'\n']];

    private static readonly Gen<byte[]> Files =
        Gen.Select(Gen.Int[0, Pieces.Length - 1], Gen.Int[0, Pieces.Length - 1], Gen.Int[0, Ends.Length - 1]).Array[0, 12]
            .Select(Gen.Bool, Gen.Bool, (lines, bom, lastEnd) =>
            {
                var bytes = new List<byte>();
                if (bom)
                {
                    bytes.AddRange(Encoding.UTF8.Preamble);
                }

                for (var i = 0; i < lines.Length; i++)
                {
                    var (a, b, end) = lines[i];
                    bytes.AddRange(Pieces[a]);
                    bytes.AddRange(Pieces[b]);
                    if (i < lines.Length - 1 || lastEnd)
                    {
                        bytes.AddRange(Ends[end]);
                    }
                }

                return bytes.ToArray();
            });

    private static List<(long No, string Text, bool Blank, string Read)> Expected(string path)
    {
        var expected = new List<(long, string, bool, string)>();
        using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
        long no = 0;
        while (reader.ReadLine() is { } line)
        {
            no++;
            expected.Add((no, line, string.IsNullOrWhiteSpace(line), Describe(DossierReader.Read(line))));
        }

        return expected;
    }

    private static List<(long No, string Text, bool Blank, string Read)> Actual(string path, int maxLines)
    {
        var actual = new List<(long, string, bool, string)>();
        using var lines = JsonLines.Open(path);
        using var chunk = new LineChunk();
        while (lines.Next(chunk, maxLines))
        {
            Assert.True(chunk.Count > 0);
            for (var i = 0; i < chunk.Count; i++)
            {
                actual.Add((chunk.FirstLine + i, chunk.Text(i), chunk.IsBlank(i), Describe(chunk.Read(i))));
            }
        }

        return actual;
    }

    private static string Describe(DossierReadResult read) =>
        read.Ok ? DossierJson.ToJson(read.Dossier!) : string.Join("\n", read.Errors.Select(e => e.ToString()));

    private static void Check(byte[] file, int maxLines)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, file);
            Assert.Equal(Expected(path), Actual(path, maxLines));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lines_read_as_the_stream_reader_and_the_dossier_reader_read_them() =>
        Gen.Select(Files, Gen.Int[1, 5]).Sample((file, maxLines) => Check(file, maxLines), iter: 300);

    [Fact]
    public void A_file_in_UTF16_is_read_as_text() =>
        Files.Sample(file =>
        {
            var text = Encoding.UTF8.GetString(file);
            Check([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)], 3);
            Check([.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)], 2);
        }, iter: 50);

    [Fact]
    public void Lines_longer_than_a_read_are_whole()
    {
        var padded = Good.Replace(",", "," + new string(' ', 100_000), StringComparison.Ordinal);
        Check(Encoding.UTF8.GetBytes($"{padded}\n{Good}\r\n{padded}\r{padded}"), 2);
        Check(Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Good, 5000))), 4096);
    }

    /// <summary>The lines of a stream read with a cap: numbers, too-long marks and texts.</summary>
    private static async Task<List<(long No, bool TooLong, string Text)>> FromStreamAsync(byte[] bytes, int maxLineBytes, int maxLines)
    {
        var lines = new List<(long, bool, string)>();
        await using var stream = new OneWay(bytes);
        using var reader = await JsonLines.OpenAsync(stream, maxLineBytes, default);
        using var chunk = new LineChunk();
        while (await reader.NextAsync(chunk, maxLines, default))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                lines.Add((chunk.FirstLine + i, chunk.IsTooLong(i), chunk.Text(i)));
            }
        }

        return lines;
    }

    [Fact]
    public void A_stream_without_a_cap_gives_the_lines_of_the_file() =>
        Gen.Select(Files, Gen.Int[1, 5]).Sample((file, maxLines) =>
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, file);
                var expected = Expected(path).Select(e => (e.No, false, e.Text)).ToList();
                Assert.Equal(expected, FromStreamAsync(file, int.MaxValue, maxLines).GetAwaiter().GetResult());
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 200);

    [Fact]
    public async Task A_line_over_the_cap_is_skipped_as_it_streams_and_keeps_its_number()
    {
        // Lines of 10 bytes, 1 MB, 10 bytes, 600 KB (\r\n), 100 KB exactly at the cap, and 300 KB last without a line end.
        const int cap = 100_000;
        var text = string.Join("\n", "0123456789", new string('a', 1 << 20), "0123456789", new string('b', 600_000) + "\r", new string('c', cap), new string('d', 300_000));
        var lines = await FromStreamAsync(Encoding.UTF8.GetBytes(text), cap, 2);
        Assert.Equal([1L, 2, 3, 4, 5, 6], lines.Select(l => l.No));
        Assert.Equal([false, true, false, true, false, true], lines.Select(l => l.TooLong));
        Assert.Equal("0123456789", lines[2].Text);
        Assert.Equal(cap, lines[4].Text.Length);

        // A line over the cap reads as an error naming the cap; a line at the cap is read as usual.
        await using var stream = new OneWay(Encoding.UTF8.GetBytes($"{new string(' ', cap + 1)}\n{Good}"));
        using var reader = await JsonLines.OpenAsync(stream, cap, default);
        using var chunk = new LineChunk();
        Assert.True(await reader.NextAsync(chunk, 10, default));
        var error = Assert.Single(chunk.Read(0).Errors);
        Assert.Contains("超过 100000 字节的行长度上限", error.Chinese, StringComparison.Ordinal);
        Assert.False(chunk.IsBlank(0));
        Assert.True(chunk.Read(1).Ok);
    }

    [Fact]
    public async Task A_stream_in_UTF16_is_not_read()
    {
        await using var stream = new OneWay([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Good)]);
        using var reader = await JsonLines.OpenAsync(stream, 1000, default);
        Assert.False(reader.IsUtf8);
        await using var utf8 = new OneWay([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Good)]);
        using var read = await JsonLines.OpenAsync(utf8, 1000, default);
        Assert.True(read.IsUtf8);
    }

    /// <summary>A stream that can be read once, forward only, in small pieces, as a request body arrives.</summary>
    private sealed class OneWay(byte[] bytes) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 7000), bytes.Length - _at);
            bytes.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void An_empty_file_has_no_lines()
    {
        Check([], 10);
        Check([.. Encoding.UTF8.Preamble], 10);
    }
}
