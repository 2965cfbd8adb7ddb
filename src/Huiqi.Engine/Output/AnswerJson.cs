using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Huiqi.Engine.Blocks;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Output;

/// <summary>
/// Writes an <see cref="Answer"/> as the JSON of dossier.md, the one shape the command line, the web API and batch
/// files all speak. Keys come in a fixed order so answers can be compared line by line; Chinese is written as is,
/// not as \u escapes, because reviewers read it; amounts are exact decimals without trailing zeros.
/// </summary>
public static class AnswerJson
{
    public static string ToJson(Answer answer, bool indented = false) =>
        JsonText.Write(indented, w => Write(w, answer));

    /// <summary>
    /// Writes the answer as UTF-8 into <paramref name="output"/>, the same bytes as <see cref="ToJson"/> (unindented):
    /// a batch writes its lines this way, without a string per answer. The writer is kept per thread.
    /// </summary>
    public static void WriteUtf8(IBufferWriter<byte> output, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = _writer;
        if (w is null)
        {
            w = _writer = new Utf8JsonWriter(output, JsonText.Options(indented: false));
        }
        else
        {
            w.Reset(output);
        }

        try
        {
            Write(w, answer);
            w.Flush();
        }
        finally
        {
            w.Reset();
        }
    }

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>Writes the answer as one JSON object at the writer's current position.</summary>
    public static void Write(Utf8JsonWriter w, Answer a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartObject();
        w.WriteString("uscc", a.Uscc);
        w.WriteNumber("year", a.Year);

        w.WriteStartArray("awards");
        foreach (var award in Items.Of(a.Awards))
        {
            w.WriteStartObject();
            w.WriteString("clause", award.Clause);
            WriteItem(w, award.Item);
            JsonText.WriteNumber(w, "amount", award.Amount);
            JsonText.WriteNumber(w, "cityShare", award.CityShare);
            JsonText.WriteNumber(w, "districtShare", award.DistrictShare);
            w.WriteString("because", award.Because);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("referrals");
        foreach (var r in Items.Of(a.Referrals))
        {
            WriteReason(w, r.Clause, r.Item, r.Reason);
        }

        w.WriteEndArray();

        w.WriteStartArray("notPaid");
        foreach (var n in Items.Of(a.NotPaid))
        {
            WriteReason(w, n.Clause, n.Item, n.Reason);
        }

        w.WriteEndArray();

        w.WriteStartArray("libraries");
        foreach (var library in Items.Of(a.Libraries))
        {
            w.WriteStringValue(library);
        }

        w.WriteEndArray();

        if (a.Hints is not null)
        {
            w.WriteStartArray("hints");
            foreach (var h in a.Hints)
            {
                w.WriteStartObject();
                w.WriteString("clause", h.Clause);
                w.WriteString("metric", h.Metric);
                w.WriteNumber("year", h.Year);
                JsonText.WriteNumber(w, "needed", h.Needed);
                JsonText.WriteNumber(w, "wouldPay", h.WouldPay);
                w.WriteString("text", h.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (a.Trace is not null)
        {
            w.WriteStartArray("trace");
            foreach (var t in a.Trace)
            {
                w.WriteStartObject();
                w.WriteString("clause", t.Clause);
                w.WriteString("check", t.Check);
                w.WriteBoolean("passed", t.Passed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        // Summed here rather than read from Answer.Total, which `with { Awards = … }` would carry over stale.
        var total = 0m;
        foreach (var award in Items.Of(a.Awards))
        {
            total += award.Amount;
        }

        JsonText.WriteNumber(w, "total", total);
        w.WriteEndObject();
    }

    private static void WriteReason(Utf8JsonWriter w, string clause, string? item, string reason)
    {
        w.WriteStartObject();
        w.WriteString("clause", clause);
        WriteItem(w, item);
        w.WriteString("reason", reason);
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, string? item)
    {
        if (item is not null)
        {
            w.WriteString("item", item);
        }
    }
}

/// <summary>
/// Writes input errors as <c>{"errors":[…]}</c>: the answer to a bad dossier (a 4xx on the web, a bad line of a batch),
/// each error with its path, value and message in Chinese and English.
/// </summary>
public static class ErrorJson
{
    public static string ToJson(IReadOnlyList<InputError> errors, bool indented = false) =>
        JsonText.Write(indented, w => Write(w, errors));

    public static void Write(Utf8JsonWriter w, IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(errors);
        w.WriteStartObject();
        w.WriteStartArray("errors");
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WriteString("path", e.Path);
            w.WriteString("value", e.Value);
            w.WriteString("message", $"{e.Chinese} / {e.English}");
            w.WriteString("chinese", e.Chinese);
            w.WriteString("english", e.English);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>What the platform's JSON writers share: Chinese unescaped, '\n' line ends, decimals without trailing zeros.</summary>
public static class JsonText
{
    /// <summary>Runs a writer into a string with the shared options: every JSON the platform prints is written through here.</summary>
    public static string Write(bool indented, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static JsonWriterOptions Options(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
        NewLine = "\n",
    };

    public static void WriteNumber(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        WriteNumberValue(w, value);
    }

    /// <summary>3600000.00 is written 3600000 and 0.150 is written 0.15: the value, not the scale it was computed at.</summary>
    public static void WriteNumberValue(Utf8JsonWriter w, decimal value) =>
        w.WriteNumberValue(value == 0 ? 0m : Decimals.WithoutTrailingZeros(value));
}
