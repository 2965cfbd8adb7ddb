using System.Collections;

namespace Huiqi.Engine.Input;

/// <summary>
/// A dossier's traits as <see cref="DossierReader"/> builds them: a handful of vocabulary words, each once, in the order
/// first given (as a hash set enumerates them), found by a scan. Cheaper to build and to ask than a hash set of so few.
/// </summary>
internal sealed class WordSet : IReadOnlySet<string>
{
    private readonly string[] _words;

    /// <summary>The distinct words of a list, first occurrence first.</summary>
    public WordSet(IReadOnlyList<string> words)
    {
        var distinct = new string[words.Count];
        var n = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (Array.IndexOf(distinct, words[i], 0, n) < 0)
            {
                distinct[n++] = words[i];
            }
        }

        _words = n == distinct.Length ? distinct : distinct[..n];
    }

    public int Count => _words.Length;

    public bool Contains(string item)
    {
        foreach (var w in _words)
        {
            if (string.Equals(w, item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_words).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The set comparisons are not used on the hot path; a hash set answers them as the model's sets always did.
    private HashSet<string> AsHashSet() => new(_words, StringComparer.Ordinal);

    public bool IsProperSubsetOf(IEnumerable<string> other) => AsHashSet().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => AsHashSet().IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => AsHashSet().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => AsHashSet().IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => AsHashSet().Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => AsHashSet().SetEquals(other);
}
