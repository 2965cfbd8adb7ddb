namespace Huiqi.Engine.Catalog;

/// <summary>
/// How the bureaus name the place of a clause in its document: the numbered items of the city's documents are cited as
/// articles (1. → 第一条, 21. → 第二十一条); the Shangjie draft's items by section and place (3.4 → （三）第4项).
/// </summary>
public static class ClauseNames
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The place part of a clause or article id: <c>zz2023-23/9</c> → 第九条, <c>sj-sangao/3.4</c> → （三）第4项.</summary>
    public static string Place(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var tail = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (int.TryParse(tail, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100)
        {
            return $"第{Numeral(n)}条";
        }

        var dot = tail.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && int.TryParse(tail[..dot], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var section) && section is > 0 and < 100
            && int.TryParse(tail[(dot + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var item)
            ? $"（{Numeral(section)}）第{item}项"
            : tail;
    }

    /// <summary>1 to 99 in Chinese numerals, as articles are numbered: 九, 十五, 二十一, 三十.</summary>
    public static string Numeral(int n) => n switch
    {
        < 0 or > 99 => throw new ArgumentOutOfRangeException(nameof(n), n, "articles are numbered 0 to 99"),
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
    };
}
