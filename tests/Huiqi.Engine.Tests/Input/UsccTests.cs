using CsCheck;
using Huiqi.Engine.Input;

namespace Huiqi.Engine.Tests.Input;

public class UsccTests
{
    [Theory]
    [InlineData("91410100MA3159566W")]
    [InlineData("91410100MA18931346")]
    [InlineData("91410100MA119312XG")]
    public void Valid_codes_pass(string code) => Assert.Null(Uscc.Check("uscc", code));

    [Fact]
    public void A_wrong_last_character_is_reported_with_the_documented_message()
    {
        var error = Uscc.Check("uscc", "91410100MA81678721");

        Assert.NotNull(error);
        Assert.Equal("uscc: 统一社会信用代码校验位错误 / the USCC check character does not match (GB 32100-2015)", error.ToString());
        Assert.Equal("91410100MA81678721", error.Value);
    }

    [Fact]
    public void A_wrong_organisation_code_check_is_reported_when_the_full_check_holds()
    {
        // 91410100MA3159566W with its organisation check character 6 changed to 7, and the last character recomputed.
        var code = Uscc.WithCheckCharacters("91410100MA315956")[..16] + "7";
        code += Complete17(code);

        var error = Uscc.Check("procurement[0].supplier", code);

        Assert.NotNull(error);
        Assert.Equal("procurement[0].supplier", error.Path);
        Assert.Equal("组织机构代码校验位错误", error.Chinese);
        Assert.Equal("the organisation code check character does not match (GB 11714)", error.English);
    }

    [Theory]
    [InlineData("91410100MA3159566", "18位")]
    [InlineData("91410100MA3159566WW", "18位")]
    [InlineData("91410100MA3I59566W", "第12位“I”")]
    [InlineData("91410100ma3159566w", "第9位“m”")]
    [InlineData("9141A100MA3159566W", "第3–8位")]
    [InlineData("", "缺少")]
    [InlineData(null, "缺少")]
    public void Malformed_codes_say_what_is_wrong(string? code, string expected)
    {
        var error = Uscc.Check("uscc", code);

        Assert.NotNull(error);
        Assert.Contains(expected, error.Chinese);
    }

    [Fact]
    public void WithCheckCharacters_completes_a_known_code() =>
        Assert.Equal("91410100MA119312XG", Uscc.WithCheckCharacters("91410100MA119312"));

    [Theory]
    [InlineData("91410100MA11931")]
    [InlineData("9141O100MA119312")]
    [InlineData("914101I0MA119312")]
    public void WithCheckCharacters_refuses_what_cannot_become_a_code(string first16) =>
        Assert.Throws<ArgumentException>(() => Uscc.WithCheckCharacters(first16));

    private static readonly Gen<char> CodeChar = Gen.Char[Uscc.Alphabet];

    private static readonly Gen<string> First16 =
        Gen.Select(CodeChar.Array[2], Gen.Char["0123456789"].Array[6], CodeChar.Array[8], (a, b, c) => new string([.. a, .. b, .. c]));

    [Fact]
    public void Completed_codes_always_pass() =>
        First16.Sample(first16 => Uscc.IsValid(Uscc.WithCheckCharacters(first16)));

    [Fact]
    public void Changing_any_single_character_of_a_valid_code_is_caught() =>
        Gen.Select(First16, Gen.Int[0, 17], CodeChar)
            .Where(t => Uscc.WithCheckCharacters(t.Item1)[t.Item2] != t.Item3)
            .Sample((first16, position, replacement) =>
            {
                var code = Uscc.WithCheckCharacters(first16).ToCharArray();
                code[position] = replacement;
                return !Uscc.IsValid(new string(code));
            });

    /// <summary>The GB 32100 check character over 17 characters, worked independently of the code under test.</summary>
    private static char Complete17(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Uscc.Alphabet.IndexOf(first17[i]) * (int)(Math.Pow(3, i) % 31);
        }

        return Uscc.Alphabet[(31 - sum % 31) % 31];
    }
}
