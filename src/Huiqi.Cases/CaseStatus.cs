using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huiqi.Cases;

/// <summary>
/// Where a case stands on its way from the engine's answer to payment (办理状态). The path: pushed (免申即享) or applied
/// (快申快享) → district review (推荐) → the optional steps the clause names (专家评审, 第三方审计) → city review → ready
/// for notice (or held for budget) → public notice (公示) → approved → paid, with returned-for-correction and rejected
/// at each review step. Which step leads where is <see cref="CasePath"/>. Stored, logged and answered as its code
/// (<see cref="CaseStatuses.Code"/>: <c>district-review</c>, …), never as the member's name.
/// </summary>
[JsonConverter(typeof(CaseStatusJson))]
public enum CaseStatus
{
    /// <summary>免申即享: found by the batch, waiting for the enterprise to confirm or decline.</summary>
    AwaitingConfirmation,

    /// <summary>快申快享: the clause needs documents the data cannot show; waiting for the enterprise's application.</summary>
    AwaitingApplication,

    /// <summary>Returned to the enterprise for correction (退回补正), with the reviewer's reason.</summary>
    Returned,

    /// <summary>区县初审.</summary>
    DistrictReview,

    /// <summary>专家评审.</summary>
    ExpertReview,

    /// <summary>第三方审计.</summary>
    Audit,

    /// <summary>市级复审.</summary>
    CityReview,

    /// <summary>Approved by the city but above its budget: held with a warning, never paid or dropped silently.</summary>
    Held,

    /// <summary>待公示.</summary>
    ReadyForNotice,

    /// <summary>公示中.</summary>
    InNotice,

    /// <summary>The notice period ended with no objection left open: waiting for the finance bureaus to pay.</summary>
    Approved,

    /// <summary>One of the two shares paid, the other not yet.</summary>
    Paying,

    /// <summary>已拨付.</summary>
    Paid,

    /// <summary>企业放弃.</summary>
    Declined,

    /// <summary>不予支持.</summary>
    Rejected,
}

/// <summary>The codes, names and groups of <see cref="CaseStatus"/>.</summary>
public static class CaseStatuses
{
    private static readonly string[] Codes =
    [
        "awaiting-confirmation", "awaiting-application", "returned", "district-review", "expert-review", "audit", "city-review", "held",
        "ready-for-notice", "in-notice", "approved", "paying", "paid", "declined", "rejected",
    ];

    private static readonly Dictionary<string, CaseStatus> ByCode = Enum.GetValues<CaseStatus>().ToDictionary(Code, StringComparer.Ordinal);

    public static readonly IReadOnlyList<CaseStatus> All = Enum.GetValues<CaseStatus>();

    /// <summary>The steps at which a reviewer decides: return, reject or lower the amount are allowed here.</summary>
    public static readonly IReadOnlySet<CaseStatus> ReviewSteps = new HashSet<CaseStatus> { CaseStatus.DistrictReview, CaseStatus.ExpertReview, CaseStatus.Audit, CaseStatus.CityReview };

    /// <summary>Statuses whose amount counts against a budget (已承诺): approved by the city and not rejected. An array, so queries translate it.</summary>
    public static readonly CaseStatus[] Committed = [CaseStatus.ReadyForNotice, CaseStatus.InNotice, CaseStatus.Approved, CaseStatus.Paying, CaseStatus.Paid];

    /// <summary>Statuses in which the bureaus owe the enterprise a decision, so a deadline runs.</summary>
    public static readonly IReadOnlySet<CaseStatus> Pending = new HashSet<CaseStatus> { CaseStatus.DistrictReview, CaseStatus.ExpertReview, CaseStatus.Audit, CaseStatus.CityReview, CaseStatus.Held };

    /// <summary>The status as stored, logged and answered (<c>district-review</c>).</summary>
    public static string Code(this CaseStatus status) => Codes[(int)status];

    /// <summary>The status of a code, or false for a code that names none.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out CaseStatus status) => ByCode.TryGetValue(code ?? "", out status);

    /// <summary>The status of a stored code; a code that names none is a fault of the data.</summary>
    public static CaseStatus Parse(string code) =>
        TryParse(code, out var status) ? status : throw new FormatException($"'{code}' is not a case status");

    public static bool IsFinal(this CaseStatus status) => status is CaseStatus.Paid or CaseStatus.Declined or CaseStatus.Rejected;

    public static string Chinese(this CaseStatus status) => status switch
    {
        CaseStatus.AwaitingConfirmation => "待企业确认",
        CaseStatus.AwaitingApplication => "待企业申报",
        CaseStatus.Returned => "退回补正",
        CaseStatus.DistrictReview => "区县初审",
        CaseStatus.ExpertReview => "专家评审",
        CaseStatus.Audit => "第三方审计",
        CaseStatus.CityReview => "市级复审",
        CaseStatus.Held => "预算不足暂缓",
        CaseStatus.ReadyForNotice => "待公示",
        CaseStatus.InNotice => "公示中",
        CaseStatus.Approved => "公示期满待拨付",
        CaseStatus.Paying => "部分拨付",
        CaseStatus.Paid => "已拨付",
        CaseStatus.Declined => "企业放弃",
        CaseStatus.Rejected => "不予支持",
        _ => status.Code(),
    };

    /// <summary>The name on screen of a code (a list's filter), or the code itself when it names no status.</summary>
    public static string Chinese(string code) => TryParse(code, out var status) ? status.Chinese() : code;

    /// <summary>The status a case reaches after passing <paramref name="from"/>, given the clause's optional steps.</summary>
    public static CaseStatus After(CaseStatus from, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var order = new List<CaseStatus> { CaseStatus.DistrictReview };
        if (steps.Contains("expert-review"))
        {
            order.Add(CaseStatus.ExpertReview);
        }

        if (steps.Contains("audit"))
        {
            order.Add(CaseStatus.Audit);
        }

        order.Add(CaseStatus.CityReview);
        var at = order.IndexOf(from);
        return at < 0 || at == order.Count - 1
            ? throw new InvalidOperationException($"{from.Code()} is not a review step before the city's")
            : order[at + 1];
    }
}

/// <summary>A status in JSON is its code, as a value and as a property name.</summary>
public sealed class CaseStatusJson : JsonConverter<CaseStatus>
{
    public override CaseStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CaseStatuses.TryParse(reader.GetString(), out var status) ? status : throw new JsonException($"'{reader.GetString()}' is not a case status");

    public override void Write(Utf8JsonWriter writer, CaseStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code());
    }

    public override CaseStatus ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, CaseStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Code());
    }
}

/// <summary>How a case came in (受理方式).</summary>
public static class CaseWay
{
    /// <summary>免申即享: pushed by the no-application batch.</summary>
    public const string Push = "push";

    /// <summary>快申快享: the enterprise applies with documents.</summary>
    public const string Apply = "apply";

    public static string Chinese(string way) => way == Push ? "免申即享" : "快申快享";
}

/// <summary>Who pays a share (出资方): the city's finance or the district's.</summary>
public static class Payer
{
    public const string City = "city";
    public const string District = "district";

    /// <summary>市级财政 or 区县财政, from the vocabulary.</summary>
    public static string Chinese(string payer) => Huiqi.Engine.Model.Vocabulary.Payers.TryGetValue(payer, out var name) ? name : payer;
}
