using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Huiqi.Web.Pages.Shared;

/// <summary>
/// Every amount a person enters (申请金额、核定金额、预算金额 …): <c>&lt;money-input name="amount" /&gt;</c> writes a text
/// field with its unit beside it (元 or 万元, a select named <c>amountUnit</c>) and a hint under it, tied to the field by
/// <c>aria-describedby</c>, saying both units and thousands separators are read. A refused post shows the amount and unit
/// as typed, so nobody retypes them. The handler's parameter takes <see cref="MoneyBinder"/> to read them.
/// </summary>
[HtmlTargetElement("money-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MoneyInputTagHelper : TagHelper
{
    public string Name { get; set; } = "";

    /// <summary>The amount shown when the page opens (in yuan), if any.</summary>
    public decimal? Value { get; set; }

    public bool Required { get; set; }

    /// <summary>What to add to the hint for this field (e.g. 不得高于平台计算金额).</summary>
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var request = ViewContext.HttpContext.Request;
        var posted = request.HasFormContentType && request.Form.ContainsKey(Name);
        var text = posted ? request.Form[Name].ToString() : Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var unit = posted ? request.Form[MoneyBinder.UnitField(Name)].ToString() : "";
        var id = (context.AllAttributes.TryGetAttribute("id", out var given) ? given.Value?.ToString() : null) ?? Name;
        var hintId = id + "-hint";

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "money-input");
        output.Attributes.RemoveAll("id");
        var html = new System.Text.StringBuilder();
        html.Append($"<input id=\"{E(id)}\" name=\"{E(Name)}\" value=\"{E(text)}\" inputmode=\"decimal\" autocomplete=\"off\" aria-describedby=\"{E(hintId)}\"{(Required ? " required" : "")} />");
        html.Append($"<select name=\"{E(MoneyBinder.UnitField(Name))}\" aria-label=\"金额单位\">");
        foreach (var u in Huiqi.Engine.Model.Written.MoneyUnits)
        {
            html.Append($"<option value=\"{u}\"{(u == unit ? " selected" : "")}>{u}</option>");
        }

        html.Append("</select>");
        html.Append($"<span class=\"hint\" id=\"{E(hintId)}\">可填元或万元（右侧选择单位，或直接写“50万”）；可带千分位逗号，如 1,000,000。{E(Hint ?? "")}</span>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
