using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// sj-sangao 二: Shangjie's "三高" library — national high-tech enterprises, district key monitored enterprises, and
/// "four-above" enterprises of strategic emerging industries with last year's revenue (or output) growth at least 20 %
/// or tax at least 5,000,000; never an enterprise on the dishonesty list or ordered to suspend.
/// </summary>
public sealed class SangaoRule : ILibraryRule, ITypicalMember
{
    private readonly string _district;
    private readonly decimal _minGrowth;
    private readonly decimal _minTax;
    private readonly IReadOnlyList<string> _excluded;

    public SangaoRule(ParamReader p)
    {
        _district = p.String("district");
        if (!Vocabulary.Districts.Contains(_district))
        {
            throw p.Error($"“{_district}”不是附件1所列区县（市） / '{_district}' is not a district of Annex 1");
        }

        _minGrowth = p.Rate("minGrowth");
        _minTax = p.Amount("minTax");
        _excluded = p.Words("excluded", Vocabulary.Traits);
    }

    /// <summary>营业收入（产值）: revenue, or output value where the enterprise reports that instead.</summary>
    private static readonly string[] GrowthMetrics = ["operatingRevenue", "outputValue"];

    public string? Qualifies(Dossier d, int year, IReadOnlySet<string> librariesSoFar)
    {
        if (d.District != _district)
        {
            return null;
        }

        for (var i = 0; i < _excluded.Count; i++)
        {
            if (d.Has(_excluded[i]))
            {
                return null;
            }
        }

        for (var i = 0; i < d.Honors.Count; i++)
        {
            if (d.Honors[i].Kind == "national-hightech" && d.Honors[i].Date <= new DateOnly(year, 12, 31))
            {
                return "国家级高新技术企业";
            }
        }

        if (d.Has("key-monitored"))
        {
            return "区重点监测企业";
        }

        if (!d.Has("four-above") || !d.Has("strategic-emerging"))
        {
            return null;
        }

        foreach (var metric in GrowthMetrics)
        {
            if (Money.Growth(d.Figures.Get(metric, Period.OfYear(year - 1)), d.Figures.Get(metric, Period.OfYear(year - 2))) is { } g && g >= _minGrowth)
            {
                return $"战略性新兴产业领域“四上”企业，{year - 1}年{Vocabulary.Chinese(metric)}增长{Zh.PercentAgainst(g, _minGrowth)}≥{Zh.Percent(_minGrowth)}";
            }
        }

        if (d.Figures.Get("taxPaid", Period.OfYear(year - 1)) is { } tax && tax >= _minTax)
        {
            return $"战略性新兴产业领域“四上”企业，{year - 1}年纳税总额{Zh.Money(tax)}≥{Zh.Money(_minTax)}";
        }

        return null;
    }

    /// <summary>A typical member: a district key monitored enterprise (区重点监测企业) of the library's district.</summary>
    public void AddMember(JsonObject dossier, int year)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        dossier["district"] = _district;
        var traits = dossier["traits"] as JsonArray ?? [];
        traits.Add("key-monitored");
        dossier["traits"] = traits;
    }
}
