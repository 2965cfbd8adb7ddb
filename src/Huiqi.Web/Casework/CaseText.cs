namespace Huiqi.Web.Casework;

/// <summary>How the case pages write the workflow's codes in Chinese.</summary>
public static class CaseText
{
    public static string Url(long id) => "/cases/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A total in yuan as <see cref="Pages.Show.Yuan"/> writes it, or, when the amounts behind it do not add up within
    /// <see cref="decimal"/> (<see cref="CaseLimits.Total"/>: a row changed behind the platform's back), a warning in
    /// its place, so the page still answers.
    /// </summary>
    public static string Total(decimal? yuan) => yuan is { } y ? Pages.Show.Yuan(y) : "无法合计（金额数据异常，请核查办理留痕）";

    /// <summary>The total of amounts, written as <see cref="Total(decimal?)"/>.</summary>
    public static string Total(IEnumerable<decimal> amounts) => Total(CaseLimits.Total(amounts));

    /// <summary>The first 12 characters of a hash and an ellipsis; a shorter (forged) one whole.</summary>
    public static string Short(string? hash) => hash is null ? "" : hash.Length > 12 ? hash[..12] + "…" : hash;

    public static string NoticeUrl(long id) => "/cases/notices/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The badge colour of a status: done, waiting on someone, or stopped.</summary>
    public static string Badge(CaseStatus status) => status switch
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
        string.Join(" → ", transition.Split('→').Select(s => s.Length == 0 ? "（新建）" : CaseStatuses.Chinese(s)));

    /// <summary>The office of a decision log entry, as stored (the <see cref="Role"/> name).</summary>
    public static string Office(string role) => role switch
    {
        nameof(Role.Enterprise) => "企业",
        nameof(Role.DistrictReviewer) => "区县工信部门",
        nameof(Role.DistrictFinance) => "区县财政部门",
        nameof(Role.CityReviewer) => "市工信局",
        nameof(Role.CityFinance) => "市财政局",
        nameof(Role.Admin) => "系统管理员",
        nameof(Role.System) => "平台",
        _ => role,
    };

    /// <summary>
    /// A decision's detail (the JSON kept in the log, hashed as stored) read out in Chinese for the case history:
    /// "理由：材料不全；金额：1,000,000元"; a clause or document by <paramref name="name"/> (the catalogue's name), an
    /// item and a payer in the vocabulary's words. Unknown keys are shown as stored, so nothing recorded is hidden.
    /// </summary>
    public static string Detail(string json, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(json) || json == "{}")
        {
            return "";
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return json;
            }

            var parts = new List<string>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                // "from" is who raised an objection (text) or a budget's old figure (a number).
                var (label, money) = p.Name == "from" ? (p.Value.ValueKind == System.Text.Json.JsonValueKind.Number ? ("原预算", true) : ("异议人", false))
                    : DetailKeys.TryGetValue(p.Name, out var k) ? k : (p.Name, false);
                var value = p.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.Null => null,
                    System.Text.Json.JsonValueKind.True => "是",
                    System.Text.Json.JsonValueKind.False => "否",
                    System.Text.Json.JsonValueKind.Number when money && p.Value.TryGetDecimal(out var d) => Huiqi.Engine.Model.Written.ExactMoney(d),
                    System.Text.Json.JsonValueKind.String => p.Name switch
                    {
                        "clause" or "document" => name(p.Value.GetString()!),
                        "item" => Pages.Show.Item(p.Value.GetString()!),
                        "payer" => Payer.Chinese(p.Value.GetString()!),
                        _ => p.Value.GetString(),
                    },
                    _ => p.Value.GetRawText(),
                };
                if (!string.IsNullOrEmpty(value))
                {
                    parts.Add($"{label}：{value}");
                }
            }

            return string.Join("；", parts);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static readonly Dictionary<string, (string Label, bool Money)> DetailKeys = new(StringComparer.Ordinal)
    {
        ["reason"] = ("理由", false),
        ["amount"] = ("金额", true),
        ["lowered"] = ("核减", false),
        ["hold"] = ("暂缓", false),
        ["requested"] = ("申请金额", true),
        ["city"] = ("市级承担", true),
        ["district"] = ("区县承担", true),
        ["perEnterprise"] = ("单户上限", true),
        ["to"] = ("调整为", true),
        ["clause"] = ("条款", false),
        ["item"] = ("事项", false),
        ["awardYear"] = ("奖补年度", false),
        ["year"] = ("年度", false),
        ["document"] = ("文件", false),
        ["file"] = ("文件名", false),
        ["size"] = ("字节数", false),
        ["sha256"] = ("SHA-256", false),
        ["text"] = ("内容", false),
        ["notice"] = ("公示批次", false),
        ["ends"] = ("公示截止", false),
        ["objection"] = ("异议编号", false),
        ["resolution"] = ("处理意见", false),
        ["payer"] = ("出资方", false),
        ["voucher"] = ("拨付凭证", false),
        ["run"] = ("批次", false),
        ["districts"] = ("区县数", false),
        ["enterprises"] = ("企业数", false),
        ["score"] = ("评分", false),
        ["comment"] = ("评价", false),
        ["account"] = ("账号", false),
    };
}
