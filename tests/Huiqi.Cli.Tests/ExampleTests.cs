using System.Text.Json;

namespace Huiqi.Cli.Tests;

/// <summary>The worked examples of the spec (Huiqi.Engine.Tests/Examples): the command line answers each to the yuan and the letter.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Command_line_gives_the_documented_answer(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", file);
        using var example = JsonDocument.Parse(File.ReadAllText(path));
        var expected = example.RootElement.GetProperty("answer");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["evaluate", path], new CliIo(TextReader.Null, stdout, stderr, false));

        if (expected.TryGetProperty("error", out var error))
        {
            Assert.Equal(ExitCode.BadInput, code);
            Assert.Contains(error.GetString()!, stderr.ToString(), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(ExitCode.Ok, code);
        using var actual = JsonDocument.Parse(stdout.ToString());
        // Every key the example states must be equal; keys it leaves out (referrals, notPaid …) are not asserted.
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(actual.RootElement.TryGetProperty(property.Name, out var got), $"answer lacks '{property.Name}'");
            Assert.Equal(Normalize(property.Value), Normalize(got));
        }
    }

    private static string Normalize(JsonElement e) => JsonSerializer.Serialize(e);
}
