using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Supervision.Libraries;

/// <summary>A tier (层级) of a library: the ZJTX library's 提升一批 / 培育一批 / 储备一批.</summary>
public sealed record LibraryTier(string Id, string Name, string CatalogRule);

/// <summary>
/// A cultivation library (培育库) the districts manage: its name, the clause it comes from (条文依据), its tiers, and
/// the one district whose enterprises alone it may hold (上街区 for the Sangao library), else any.
/// </summary>
public sealed record LibraryDefinition(string Id, string Name, string Basis, IReadOnlyList<LibraryTier> Tiers, string? District)
{
    public LibraryTier? Tier(string? id) => Tiers.FirstOrDefault(t => t.Id == id);

    public string TierName(string? id) => Tier(id)?.Name ?? "";
}

/// <summary>One enterprise qualifying for one library in a selection year, with the tier and the reason (入库理由).</summary>
public sealed record Qualification(string Library, string? Tier, string Reason);

/// <summary>
/// The five libraries and their yearly selection (年度遴选). The ZJTX tiers, the Sangao library and the bank whitelist
/// are the catalogue's rules (<see cref="PolicyCatalog.LibrariesOf"/>, interpretation.md "Libraries"); the
/// small-to-above-scale reserve and the listing reserve pay no award and are not part of the answer contract, so
/// their rules live here, with the supervision that keeps them.
/// </summary>
public static class LibraryDefinitions
{
    public const string Zjtx = "zjtx";
    public const string Sangao = "sangao";
    public const string Whitelist = "zjtx-whitelist";
    public const string SmallToAbove = "small-to-above";
    public const string Listing = "listing-reserve";

    /// <summary>"小升规"储备: last year's main revenue from this much up to the above-scale line (接近2000万元).</summary>
    public const decimal SmallToAboveFloor = 15_000_000m;

    /// <summary>规模以上工业企业: annual main revenue of at least 2000万元 (glossary).</summary>
    public const decimal AboveScaleLine = 20_000_000m;

    public static readonly IReadOnlyList<LibraryDefinition> All =
    [
        new(Zjtx, "“专精特新”企业培育库", "zzb2022-zjtx/1",
            [new("upgrade", "提升一批", "zjtx-upgrade"), new("cultivate", "培育一批", "zjtx-cultivate"), new("reserve", "储备一批", "zjtx-reserve")], null),
        new(Sangao, "上街区“三高”企业培育库", "sj-sangao 二", [], "上街区"),
        new(Whitelist, "银行“白名单”", "zzb2022-zjtx/14", [], null),
        new(SmallToAbove, "“小升规”企业储备库", "zzb2020-19/31", [], null),
        new(Listing, "上市挂牌后备资源库", "zzb2022-zjtx/13、sj-sangao 三（一）1", [], null),
    ];

    public static LibraryDefinition? Find(string? id) => All.FirstOrDefault(l => l.Id == id);

    public static string Name(string id) => Find(id)?.Name ?? id;

    /// <summary>The library and tier as one label: “专精特新”企业培育库（培育一批）.</summary>
    public static string Label(string id, string? tier) =>
        Find(id) is { } l ? (l.Tier(tier) is { } t ? $"{l.Name}（{t.Name}）" : l.Name) : id;

    /// <summary>Every library the enterprise qualifies for in the selection year, with tier and reason.</summary>
    public static List<Qualification> Qualify(PolicyCatalog catalog, Dossier dossier, int year)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dossier);
        var found = new List<Qualification>();
        foreach (var (rule, reason) in catalog.LibrariesOf(dossier, year) ?? [])
        {
            var tier = All[0].Tiers.FirstOrDefault(t => t.CatalogRule == rule.Id);
            if (tier is not null)
            {
                // The catalogue decides the higher tier first, so at most one tier qualifies.
                found.Add(new Qualification(Zjtx, tier.Id, reason));
            }
            else if (Find(rule.Id) is not null)
            {
                found.Add(new Qualification(rule.Id, null, reason));
            }
        }

        var revenue = dossier.Figures.Get("mainRevenue", Period.OfYear(year - 1));
        // The trait above-scale is today's; a past year's selection must judge by that year's revenue.
        if (dossier.Has("industrial") && revenue is { } r && r >= SmallToAboveFloor && r < AboveScaleLine)
        {
            found.Add(new Qualification(SmallToAbove, null, $"{year - 1}年主营业务收入{Zh.Money(r)}，接近规上标准{Zh.Money(AboveScaleLine)}"));
        }

        if (revenue >= AboveScaleLine && !Excluded(dossier))
        {
            var zjtx = found.FirstOrDefault(q => q.Library == Zjtx && q.Tier is "upgrade" or "cultivate");
            var sangao = found.FirstOrDefault(q => q.Library == Sangao);
            if (zjtx is not null || sangao is not null)
            {
                var why = zjtx is not null ? $"省级以上“专精特新”企业（{zjtx.Reason}）" : "规模以上“三高”培育企业";
                found.Add(new Qualification(Listing, null, $"规上企业（{year - 1}年主营业务收入{Zh.Money(revenue.Value)}），{why}"));
            }
        }

        return found;
    }

    /// <summary>Why an enterprise that was a member no longer qualifies in the selection year (出库原因).</summary>
    public static string ExitReason(string library, Dossier? dossier, int year)
    {
        if (dossier is null)
        {
            return "企业已不在企业登记库中";
        }

        if (Excluded(dossier) && library is Sangao or Listing)
        {
            return "已列入严重违法失信名单或被责令停产整顿";
        }

        var revenue = dossier.Figures.Get("mainRevenue", Period.OfYear(year - 1));
        return library switch
        {
            SmallToAbove when revenue >= AboveScaleLine => $"{year - 1}年主营业务收入{Zh.Money(revenue.Value)}，已达规上标准（升规）",
            SmallToAbove when revenue is { } r => $"{year - 1}年主营业务收入{Zh.Money(r)}，低于储备标准{Zh.Money(SmallToAboveFloor)}",
            SmallToAbove => $"{year - 1}年主营业务收入未报送",
            Zjtx => $"{year}年末未持有创新型中小企业及以上称号",
            Whitelist => $"{year}年末未持有省级以上“专精特新”称号",
            Sangao => $"{year}年度不再符合“三高”遴选标准",
            Listing => $"{year}年度不再同时符合规上和省级以上“专精特新”（或“三高”）条件",
            _ => $"{year}年度遴选不再符合入库条件",
        };
    }

    private static bool Excluded(Dossier d) => d.Has("blacklisted") || d.Has("suspended");
}
