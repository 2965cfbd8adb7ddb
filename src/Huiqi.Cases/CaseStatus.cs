namespace Huiqi.Cases;

/// <summary>
/// Where a case stands on its way from the engine's answer to payment (办理状态). The path: pushed (免申即享) or applied
/// (快申快享) → district review (推荐) → the optional steps the clause names (专家评审, 第三方审计) → city review → ready
/// for notice (or held for budget) → public notice (公示) → approved → paid, with returned-for-correction and rejected
/// at each review step.
/// </summary>
public static class CaseStatus
{
    /// <summary>免申即享: found by the batch, waiting for the enterprise to confirm or decline.</summary>
    public const string AwaitingConfirmation = "awaiting-confirmation";

    /// <summary>快申快享: the clause needs documents the data cannot show; waiting for the enterprise's application.</summary>
    public const string AwaitingApplication = "awaiting-application";

    /// <summary>Returned to the enterprise for correction (退回补正), with the reviewer's reason.</summary>
    public const string Returned = "returned";

    public const string DistrictReview = "district-review";

    public const string ExpertReview = "expert-review";

    public const string Audit = "audit";

    public const string CityReview = "city-review";

    /// <summary>Approved by the city but above its budget: held with a warning, never paid or dropped silently.</summary>
    public const string Held = "held";

    public const string ReadyForNotice = "ready-for-notice";

    public const string InNotice = "in-notice";

    /// <summary>The notice period ended with no objection left open: waiting for the finance bureaus to pay.</summary>
    public const string Approved = "approved";

    /// <summary>One of the two shares paid, the other not yet.</summary>
    public const string Paying = "paying";

    public const string Paid = "paid";

    public const string Declined = "declined";

    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All =
    [
        AwaitingConfirmation, AwaitingApplication, Returned, DistrictReview, ExpertReview, Audit, CityReview, Held,
        ReadyForNotice, InNotice, Approved, Paying, Paid, Declined, Rejected,
    ];

    /// <summary>The steps at which a reviewer decides: return, reject or lower the amount are allowed here.</summary>
    public static readonly IReadOnlySet<string> ReviewSteps = new HashSet<string>(StringComparer.Ordinal) { DistrictReview, ExpertReview, Audit, CityReview };

    /// <summary>Statuses whose amount counts against a budget (已承诺): approved by the city and not rejected. An array, so queries translate it.</summary>
    public static readonly string[] Committed = [ReadyForNotice, InNotice, Approved, Paying, Paid];

    /// <summary>Statuses in which the bureaus owe the enterprise a decision, so a deadline runs.</summary>
    public static readonly IReadOnlySet<string> Pending = new HashSet<string>(StringComparer.Ordinal) { DistrictReview, ExpertReview, Audit, CityReview, Held };

    public static bool IsFinal(string status) => status is Paid or Declined or Rejected;

    public static string Chinese(string status) => status switch
    {
        AwaitingConfirmation => "待企业确认",
        AwaitingApplication => "待企业申报",
        Returned => "退回补正",
        DistrictReview => "区县初审",
        ExpertReview => "专家评审",
        Audit => "第三方审计",
        CityReview => "市级复审",
        Held => "预算不足暂缓",
        ReadyForNotice => "待公示",
        InNotice => "公示中",
        Approved => "公示期满待拨付",
        Paying => "部分拨付",
        Paid => "已拨付",
        Declined => "企业放弃",
        Rejected => "不予支持",
        _ => status,
    };

    /// <summary>The status a case reaches after passing <paramref name="from"/>, given the clause's optional steps.</summary>
    public static string After(string from, IReadOnlyList<string> steps)
    {
        var order = new List<string> { DistrictReview };
        if (steps.Contains("expert-review"))
        {
            order.Add(ExpertReview);
        }

        if (steps.Contains("audit"))
        {
            order.Add(Audit);
        }

        order.Add(CityReview);
        var at = order.IndexOf(from);
        return at < 0 || at == order.Count - 1
            ? throw new InvalidOperationException($"{from} is not a review step before the city's")
            : order[at + 1];
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

    public static string Chinese(string payer) => payer == City ? "市级" : "区县级";
}
