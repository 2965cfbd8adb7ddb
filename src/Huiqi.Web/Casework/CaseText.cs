namespace Huiqi.Web.Casework;

/// <summary>How the case pages write the workflow's codes in Chinese.</summary>
public static class CaseText
{
    public static string Url(long id) => "/cases/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NoticeUrl(long id) => "/cases/notices/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The badge colour of a status: done, waiting on someone, or stopped.</summary>
    public static string Badge(string status) => status switch
    {
        CaseStatus.Paid => "ok",
        CaseStatus.Declined or CaseStatus.Rejected => "bad",
        CaseStatus.Held or CaseStatus.Returned => "warn",
        _ => "",
    };

    /// <summary>A decision log action (办理环节).</summary>
    public static string Action(string action) => action switch
    {
        "push" => "平台比对推送（免申即享）",
        "apply" => "企业申请（快申快享）",
        "confirm" => "企业确认",
        "decline" => "企业放弃",
        "attach" => "上传申报材料",
        "submit" => "企业提交申报",
        "pass" => "审核通过",
        "return" => "退回补正",
        "reject" => "不予支持",
        "release" => "预算放行",
        "notice" => "列入公示",
        "object" => "记录异议",
        "objection-upheld" => "异议成立",
        "objection-dismissed" => "异议不成立",
        "notice-ended" => "公示期满",
        "pay" => "拨付",
        "rate" => "企业评价",
        "budget" => "设置预算",
        "batch-start" => "发起批量比对",
        _ => action,
    };

    /// <summary>A transition <c>a→b</c> with the statuses in Chinese.</summary>
    public static string Transition(string transition) => transition.Length == 0 ? "" :
        string.Join(" → ", transition.Split('→').Select(s => s.Length == 0 ? "（新建）" : CaseStatus.Chinese(s)));

    /// <summary>The office of a decision log entry, as stored (the <see cref="Office"/> name).</summary>
    public static string Office(string role) => role switch
    {
        nameof(Cases.Office.Enterprise) => "企业",
        nameof(Cases.Office.DistrictReviewer) => "区县工信部门",
        nameof(Cases.Office.DistrictFinance) => "区县财政部门",
        nameof(Cases.Office.CityReviewer) => "市工信局",
        nameof(Cases.Office.CityFinance) => "市财政局",
        nameof(Cases.Office.Admin) => "系统管理员",
        nameof(Cases.Office.System) => "平台",
        _ => role,
    };

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
