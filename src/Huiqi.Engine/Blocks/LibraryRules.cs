using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A library for holders of any of some titles by the end of the award year, unless the enterprise is already in a
/// higher library (the ZJTX tiers: 提升 → 培育 → 储备) — zzb2022-zjtx/1 and /14.
/// </summary>
public sealed class HoldsAnyLibraryRule : ILibraryRule
{
    private readonly IReadOnlyList<string> _honors;
    private readonly IReadOnlyList<string> _unless;

    public HoldsAnyLibraryRule(ParamReader p)
    {
        _honors = p.Words("honors", Vocabulary.HonorKinds, required: true);
        _unless = p.OptionalStrings("unless");
    }

    public string? Qualifies(Dossier dossier, int year, IReadOnlySet<string> librariesSoFar)
    {
        if (_unless.Any(librariesSoFar.Contains))
        {
            return null;
        }

        var end = new DateOnly(year, 12, 31);
        var held = dossier.Honors.Where(h => _honors.Contains(h.Kind) && h.Date <= end).Select(h => Vocabulary.Chinese(h.Kind)).Distinct().ToList();
        return held.Count > 0 ? $"持有{string.Join("、", held)}" : null;
    }
}

/// <summary>
/// sj-sangao 二: Shangjie's "三高" library — national high-tech enterprises, district key monitored enterprises, and
/// "four-above" enterprises of strategic emerging industries with last year's revenue (or output) growth at least 20 %
/// or tax at least 5,000,000; never an enterprise on the dishonesty list or ordered to suspend.
/// </summary>
public sealed class SangaoLibraryRule : ILibraryRule
{
    private readonly string _district;
    private readonly decimal _minGrowth;
    private readonly decimal _minTax;
    private readonly IReadOnlyList<string> _excluded;

    public SangaoLibraryRule(ParamReader p)
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

    public string? Qualifies(Dossier d, int year, IReadOnlySet<string> librariesSoFar)
    {
        if (d.District != _district || _excluded.Any(d.Has))
        {
            return null;
        }

        if (d.Honors.Any(h => h.Kind == "national-hightech" && h.Date <= new DateOnly(year, 12, 31)))
        {
            return "国家级高新技术企业";
        }

        if (d.Has("key-monitored"))
        {
            return "区重点监测企业";
        }

        if (!d.Has("four-above") || !d.Has("strategic-emerging"))
        {
            return null;
        }

        foreach (var metric in new[] { "operatingRevenue", "outputValue" })
        {
            if (Money.Growth(d.Figures.Get(metric, Period.OfYear(year - 1)), d.Figures.Get(metric, Period.OfYear(year - 2))) is { } g && g >= _minGrowth)
            {
                return $"战略性新兴产业领域“四上”企业，{year - 1}年{Vocabulary.Chinese(metric)}增长{Zh.Percent(g)}≥{Zh.Percent(_minGrowth)}";
            }
        }

        if (d.Figures.Get("taxPaid", Period.OfYear(year - 1)) is { } tax && tax >= _minTax)
        {
            return $"战略性新兴产业领域“四上”企业，{year - 1}年纳税总额{Zh.Money(tax)}≥{Zh.Money(_minTax)}";
        }

        return null;
    }
}
