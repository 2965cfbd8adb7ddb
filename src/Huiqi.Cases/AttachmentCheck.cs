using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Huiqi.Cases;

/// <summary>
/// What an application's document (申报材料) must be: a name without path parts, an accepted extension, and content
/// whose whole structure is that kind's — not only its first bytes, so an executable behind a <c>%PDF</c> header, or
/// one appended after an image's end, is refused.
/// </summary>
public static class AttachmentCheck
{
    private static readonly Dictionary<string, (string Type, Func<byte[], string?> Check)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".png"] = ("image/png", Png),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", c => Zip(c, "[Content_Types].xml", "xl/workbook.xml")),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", c => Zip(c, "[Content_Types].xml", "word/document.xml")),
        [".ofd"] = ("application/ofd", c => Zip(c, "OFD.xml")),
    };

    private static readonly string[] ExecutableEntries = [".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".ps1", ".sh", ".so", ".msi", ".js", ".vbs", ".jar"];

    /// <summary>
    /// The file's name as stored: the last part of whatever path the browser sent, with either slash (a Windows
    /// browser may send <c>C:\x\a.pdf</c>, which <see cref="Path.GetFileName(string)"/> on Linux keeps whole), without
    /// control characters.
    /// </summary>
    public static string CleanName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(ch => !char.IsControl(ch))]).Trim();
        return name is "." or ".." ? "" : name;
    }

    /// <summary>The content type of an accepted document, or a refusal naming the file and what is wrong with it.</summary>
    public static string Check(string name, byte[] content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (name.Length == 0)
        {
            throw CaseException.Invalid("文件名为空，请选择要上传的文件", "the file has no name");
        }

        if (name.Length > 255)
        {
            throw CaseException.Invalid($"文件名不能超过255个字符（现为{name.Length}个），请改短后上传", "file name longer than 255 characters");
        }

        var extension = Path.GetExtension(name);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            throw CaseException.Invalid($"文件“{name}”的类型不受支持：只接受 PDF、JPG、PNG、XLSX、DOCX、OFD", $"file type '{extension}' is not accepted");
        }

        if (content.Length == 0 || content.Length > maxBytes)
        {
            throw CaseException.Invalid($"文件“{name}”大小为 {content.Length:#,0} 字节，应在 1 字节到 {maxBytes / 1024 / 1024} MB 之间", $"file '{name}' is {content.Length} bytes; the limit is {maxBytes}");
        }

        var wrong = kind.Check(content) ?? Executable(content);
        return wrong is null
            ? kind.Type
            : throw CaseException.Invalid($"文件“{name}”的内容与扩展名{extension}不符：{wrong}", $"file '{name}' does not look like {extension}: {wrong}");
    }

    /// <summary>
    /// A PDF: the <c>%PDF-</c> header with a version, a cross-reference pointer (<c>startxref</c>) and the
    /// <c>%%EOF</c> marker as its last line (ISO 32000: the file ends there; only line ends may follow).
    /// </summary>
    private static string? Pdf(byte[] c)
    {
        if (!c.AsSpan().StartsWith("%PDF-"u8) || c.Length < 8 || !char.IsAsciiDigit((char)c[5]))
        {
            return "缺少PDF文件头（%PDF-版本号）";
        }

        var end = c.Length;
        while (end > 0 && c[end - 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0)
        {
            end--;
        }

        if (!c.AsSpan(0, end).EndsWith("%%EOF"u8))
        {
            return "文件未以%%EOF结束（不完整，或其后附有其他内容）";
        }

        var tail = c.AsSpan(Math.Max(0, end - 2048), Math.Min(end, 2048));
        return tail.IndexOf("startxref"u8) < 0 ? "缺少交叉引用表（startxref）" : null;
    }

    /// <summary>A PNG: the signature, an IHDR of a non-empty image first, chunk after chunk up to IEND, which ends the file.</summary>
    private static string? Png(byte[] c)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!c.AsSpan().StartsWith(signature))
        {
            return "缺少PNG文件签名";
        }

        var at = 8;
        var first = true;
        while (at + 12 <= c.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(c.AsSpan(at));
            var type = Encoding.ASCII.GetString(c, at + 4, 4);
            if (length > (uint)(c.Length - at - 12))
            {
                return $"数据块{type}的长度超出文件";
            }

            if (first && (type != "IHDR" || length != 13
                || BinaryPrimitives.ReadUInt32BigEndian(c.AsSpan(at + 8)) == 0 || BinaryPrimitives.ReadUInt32BigEndian(c.AsSpan(at + 12)) == 0))
            {
                return "首个数据块不是有效的图像头（IHDR）";
            }

            first = false;
            at += 12 + (int)length;
            if (type == "IEND")
            {
                return at == c.Length ? null : $"图像结束（IEND）后还附有{c.Length - at:#,0}字节其他内容";
            }
        }

        return "图像数据不完整（缺少IEND）";
    }

    /// <summary>
    /// A JPEG: SOI, marker segments with their lengths, a frame header (SOF) of a non-empty image before the scan, and
    /// EOI as the file's last bytes.
    /// </summary>
    private static string? Jpeg(byte[] c)
    {
        if (c.Length < 4 || c[0] != 0xFF || c[1] != 0xD8)
        {
            return "缺少JPEG文件头";
        }

        var at = 2;
        var frame = false;
        while (at + 4 <= c.Length)
        {
            if (c[at] != 0xFF)
            {
                return "标记段结构错误";
            }

            var marker = c[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(c.AsSpan(at + 2));
            if (length < 2 || at + 2 + length > c.Length)
            {
                return "标记段长度超出文件";
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                frame = length >= 8 && BinaryPrimitives.ReadUInt16BigEndian(c.AsSpan(at + 5)) > 0 && BinaryPrimitives.ReadUInt16BigEndian(c.AsSpan(at + 7)) > 0;
            }

            if (marker == 0xDA)
            {
                if (!frame)
                {
                    return "缺少有效的图像帧头（SOF）";
                }

                var end = c.Length;
                while (end > 0 && c[end - 1] == 0)
                {
                    end--;
                }

                return end >= 2 && c[end - 2] == 0xFF && c[end - 1] == 0xD9 ? null : "文件未以图像结束标记（EOI）结束";
            }

            at += 2 + length;
        }

        return "图像数据不完整（缺少扫描数据）";
    }

    /// <summary>An Office Open XML or OFD package: a readable zip holding the kind's parts and no program.</summary>
    private static string? Zip(byte[] c, params string[] parts)
    {
        if (!c.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return "缺少压缩包文件头";
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(c, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = parts.FirstOrDefault(p => !names.Contains(p));
            if (missing is not null)
            {
                return $"缺少必需的部件{missing}";
            }

            var program = names.FirstOrDefault(n => ExecutableEntries.Contains(Path.GetExtension(n), StringComparer.OrdinalIgnoreCase));
            return program is null ? null : $"包内含有程序文件{program}";
        }
        catch (InvalidDataException)
        {
            return "压缩包结构损坏";
        }
    }

    /// <summary>
    /// A Windows (a DOS header whose <c>e_lfanew</c> points at <c>PE\0\0</c>) or Linux (an ELF identification) program
    /// anywhere in the bytes: a document that carries one is not a document.
    /// </summary>
    private static string? Executable(byte[] c)
    {
        var span = c.AsSpan();
        for (var at = span.IndexOf("MZ"u8); at >= 0; at = Next(span, at, "MZ"u8))
        {
            if (at + 0x40 <= c.Length)
            {
                var pe = BinaryPrimitives.ReadInt32LittleEndian(span[(at + 0x3C)..]);
                if (pe is >= 0x40 and < 4096 && at + pe + 4 <= c.Length && span.Slice(at + pe, 4).SequenceEqual("PE\0\0"u8))
                {
                    return "其中嵌有Windows可执行程序";
                }
            }
        }

        for (var at = span.IndexOf("\u007fELF"u8); at >= 0; at = Next(span, at, "\u007fELF"u8))
        {
            if (at + 7 <= c.Length && c[at + 4] is 1 or 2 && c[at + 5] is 1 or 2 && c[at + 6] == 1)
            {
                return "其中嵌有Linux可执行程序";
            }
        }

        return null;
    }

    private static int Next(ReadOnlySpan<byte> span, int at, ReadOnlySpan<byte> what)
    {
        var next = span[(at + 1)..].IndexOf(what);
        return next < 0 ? -1 : at + 1 + next;
    }
}
