using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Huiqi.Web.Pages.Shared;

/// <summary>
/// The award-year switch every screen shows (<c>&lt;select name="year" award-year="@Model.Year"&gt;</c>): the years
/// <see cref="Huiqi.Engine.Model.AwardYears.Offered"/> by today's clock, each named as <see cref="Huiqi.Engine.Model.AwardYears.Name"/> names it, so the reader
/// sees which year is current for clauses paid on figures and which for clauses paid on events ("2025年度（数据类条款的
/// 当前年度）"). <c>award-year-all</c> adds a first option 全部 (value 0) for lists that may show every year. One helper, so
/// no page words the switch its own way.
/// </summary>
[HtmlTargetElement("select", Attributes = YearAttribute)]
public sealed class AwardYearSelectTagHelper(PolicyEngine engine) : TagHelper
{
    private const string YearAttribute = "award-year";

    /// <summary>The year selected; 0 or null for 全部 where it is offered.</summary>
    [HtmlAttributeName(YearAttribute)]
    public int? Selected { get; set; }

    /// <summary>Whether 全部 (every year, value 0) is offered first.</summary>
    [HtmlAttributeName("award-year-all")]
    public bool All { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var now = engine.Current;
        var years = now.Offered.ToList();
        if (Selected is > 0 and var chosen && !years.Contains(chosen))
        {
            years.Add(chosen);
            years.Sort((a, b) => b.CompareTo(a));
        }

        var options = new System.Text.StringBuilder();
        if (All)
        {
            Option(options, 0, "全部", Selected is null or 0);
        }

        foreach (var y in years)
        {
            Option(options, y, now.Name(y), y == Selected);
        }

        output.Content.SetHtmlContent(options.ToString());
    }

    private static void Option(System.Text.StringBuilder to, int value, string text, bool selected) =>
        to.Append(CultureInfo.InvariantCulture, $"<option value=\"{value}\"{(selected ? " selected" : "")}>{System.Net.WebUtility.HtmlEncode(text)}</option>");
}
