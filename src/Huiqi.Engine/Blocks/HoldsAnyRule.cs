using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A library for holders of any of some titles by the end of the award year, unless the enterprise is already in a
/// higher library (the ZJTX tiers: 提升 → 培育 → 储备) — zzb2022-zjtx/1 and /14.
/// </summary>
public sealed class HoldsAnyRule : ILibraryRule
{
    private readonly IReadOnlyList<string> _honors;
    private readonly IReadOnlyList<string> _unless;

    public HoldsAnyRule(ParamReader p)
    {
        _honors = p.Words("honors", Vocabulary.HonorKinds, required: true);
        _unless = p.OptionalStrings("unless");
    }

    public string? Qualifies(Dossier dossier, int year, IReadOnlySet<string> librariesSoFar)
    {
        for (var i = 0; i < _unless.Count; i++)
        {
            if (librariesSoFar.Contains(_unless[i]))
            {
                return null;
            }
        }

        // The titles held by the year's end, each named once, in the order the dossier lists them.
        var end = new DateOnly(year, 12, 31);
        List<string>? held = null;
        var honors = dossier.Honors;
        for (var i = 0; i < honors.Count; i++)
        {
            var h = honors[i];
            if (h.Date <= end && Among(_honors, h.Kind) && Vocabulary.Chinese(h.Kind) is var name && !(held ??= []).Contains(name))
            {
                held.Add(name);
            }
        }

        return held is not null ? $"持有{string.Join("、", held)}称号" : null;
    }

    internal static bool Among(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return true;
            }
        }

        return false;
    }
}
