namespace Huiqi.Engine.Input;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an enterprise everywhere in the
/// platform. A mistyped code would file facts and awards under somebody else, so both of its check characters are
/// verified: the last character over the first 17 (GB 32100), and the organisation code in characters 9–17 (组织机构代码,
/// GB 11714).
/// </summary>
public static class Uscc
{
    /// <summary>The 31 characters a code may use, in the order of their values: digits and capitals without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public const int Length = 18;

    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The value of each ASCII character in <see cref="Alphabet"/> (its index), −1 for any other.</summary>
    private static readonly sbyte[] Values = Enumerable.Range(0, 128).Select(c => (sbyte)Alphabet.IndexOf((char)c, StringComparison.Ordinal)).ToArray();

    private static int ValueOf(char c) => c < Values.Length ? Values[c] : -1;

    /// <summary>Checks a code; <c>null</c> when it is valid, else the first rule it breaks (format, then GB 32100, then GB 11714).</summary>
    public static InputError? Check(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new InputError(path, value, "缺少统一社会信用代码", "the USCC is missing");
        }

        if (value.Length != Length)
        {
            return new InputError(path, value, $"统一社会信用代码应为18位，此处为{value.Length}位", $"a USCC has 18 characters, this one has {value.Length}");
        }

        for (var i = 0; i < Length; i++)
        {
            if (ValueOf(value[i]) < 0)
            {
                return new InputError(
                    path,
                    value,
                    $"统一社会信用代码第{i + 1}位“{value[i]}”不是允许的字符（数字及除I、O、Z、S、V以外的大写字母）",
                    $"character {i + 1} '{value[i]}' of the USCC is not allowed (digits and capitals other than I, O, Z, S, V)");
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return new InputError(
                    path,
                    value,
                    "统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字",
                    "characters 3–8 of the USCC (the region code) must be digits");
            }
        }

        if (value[17] != FullCheck(value.AsSpan(0, 17)))
        {
            return new InputError(path, value, "统一社会信用代码校验位错误", "the USCC check character does not match (GB 32100-2015)");
        }

        if (value[16] != OrganisationCheck(value.AsSpan(8, 8)))
        {
            return new InputError(path, value, "组织机构代码校验位错误", "the organisation code check character does not match (GB 11714)");
        }

        return null;
    }

    public static bool IsValid(string? value) => Check("uscc", value) is null;

    /// <summary>
    /// Completes a code from its 16 leading characters (2 registration characters, the 6-digit region code and the
    /// 8-character body of the organisation code) by appending both check characters. For demo data and tests.
    /// </summary>
    /// <exception cref="ArgumentException">The 16 characters are not of the USCC alphabet or the region code is not digits.</exception>
    public static string WithCheckCharacters(string first16)
    {
        ArgumentNullException.ThrowIfNull(first16);
        if (first16.Length != 16 || first16.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)) || first16.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"'{first16}' is not 16 characters of the USCC alphabet with a 6-digit region code", nameof(first16));
        }

        var first17 = first16 + OrganisationCheck(first16.AsSpan(8, 8));
        return first17 + FullCheck(first17);
    }

    /// <summary>GB 32100: weights 3^i mod 31, check = (31 − Σ mod 31) mod 31, as a character of <see cref="Alphabet"/>.</summary>
    private static char FullCheck(ReadOnlySpan<char> first17)
    {
        int sum = 0, weight = 1;
        foreach (var c in first17)
        {
            sum += ValueOf(c) * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>GB 11714: digits 0–9, letters A=10 … Z=35, weights 3,7,9,10,5,8,4,2, c = 11 − Σ mod 11; 10 is X, 11 is 0.</summary>
    private static char OrganisationCheck(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var v = char.IsAsciiDigit(body8[i]) ? body8[i] - '0' : body8[i] - 'A' + 10;
            sum += v * OrganisationWeights[i];
        }

        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var c => (char)('0' + c),
        };
    }
}
