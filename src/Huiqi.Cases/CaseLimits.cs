using System.Globalization;
using Huiqi.Engine.Model;

namespace Huiqi.Cases;

/// <summary>
/// The bounds every input of the award path is held to (输入限额), and the one way totals are added up: what a person
/// types (an amount, a year, a reason) is refused with the field's Chinese name and the bound, so no stored value can
/// later break a page that adds it to others.
/// </summary>
public static class CaseLimits
{
    /// <summary>
    /// The most one award line may carry where its clause states no maximum of its own: 1亿元. The largest single
    /// award any clause of the catalogue pays is 2000万元 (sj-sangao, per platform), so a real line never comes near
    /// it, while 100,000 lines of it (an export's limit) add up to 1e13 yuan — far inside <see cref="decimal"/> and the
    /// numeric(20,2) columns — so no sum of lines can overflow.
    /// </summary>
    public const decimal LineCeiling = 100_000_000m;

    /// <summary>
    /// The most one budget may be: 1000亿元, above any city's whole yearly budget, and like <see cref="LineCeiling"/>
    /// far inside what the columns and sums hold.
    /// </summary>
    public const decimal BudgetCeiling = 100_000_000_000m;

    /// <summary>Item (事项) names: the column's length.</summary>
    public const int Item = 200;

    /// <summary>Reasons, accounts, objections and resolutions.</summary>
    public const int Reason = 2000;

    /// <summary>A rating's comment.</summary>
    public const int Comment = 1000;

    /// <summary>A finance bureau's voucher number (拨付凭证号).</summary>
    public const int Voucher = 100;

    /// <summary>An objector's name (反映人).</summary>
    public const int Name = 200;

    /// <summary>A notice's title.</summary>
    public const int Title = 300;

    /// <summary>
    /// An amount in yuan: above zero (or zero when <paramref name="zeroAllowed"/>), at most two decimals, and at most
    /// <paramref name="most"/> (<paramref name="why"/> names where that bound comes from).
    /// </summary>
    public static decimal Amount(decimal value, string field, decimal most, string why, bool zeroAllowed = false)
    {
        if (value < 0 || (value == 0 && !zeroAllowed) || !Yuan.Of(value).IsWholeFen)
        {
            var floor = zeroAllowed ? "不小于零" : "大于零";
            throw CaseException.Invalid(
                $"{field}应为{floor}的金额（元，至多两位小数），而不是 {value.ToString(CultureInfo.InvariantCulture)}",
                $"{field}: must be {(zeroAllowed ? "non-negative" : "positive")} yuan with at most 2 decimals, not {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return value > most
            ? throw CaseException.Invalid(
                $"{field}{value:#,0.##}元超过上限{most:#,0.##}元（{why}）",
                $"{field}: {value.ToString(CultureInfo.InvariantCulture)} exceeds the bound {most.ToString(CultureInfo.InvariantCulture)}")
            : value;
    }

    /// <summary>
    /// A text a person typed, trimmed: refused when longer than <paramref name="most"/> characters, or, when
    /// <paramref name="required"/>, empty. An optional empty text is the empty string.
    /// </summary>
    public static string Text(string? value, string field, int most, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 && required)
        {
            throw CaseException.Invalid($"请填写{field}", $"{field}: required");
        }

        return text.Length > most
            ? throw CaseException.Invalid($"{field}不能超过{most}字（现为{text.Length}字）", $"{field}: {text.Length} characters, at most {most}")
            : text;
    }

    /// <summary>
    /// The total of amounts, or null when it does not fit a <see cref="decimal"/> (only a row changed behind the
    /// platform's back can do that): a page shows "无法合计" for it instead of failing for everyone.
    /// </summary>
    public static decimal? Total(IEnumerable<decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        try
        {
            foreach (var a in amounts)
            {
                total += a;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return total;
    }
}
