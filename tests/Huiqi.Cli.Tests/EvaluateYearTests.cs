using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Huiqi.Cli.Tests;

/// <summary>
/// <c>huiqi evaluate</c> without <c>--year</c> evaluates the year the bureaus work on now for the whole catalogue, the last
/// completed year by Beijing's date on the command line's clock, and says so on stderr.
/// </summary>
public class EvaluateYearTests
{
    /// <summary>The sensor maker of CliTests: revenue 2亿 (2023) → 2.46亿 (2024), a tech-reform project completed 2024-05-31.</summary>
    private const string Sensor = """{"uscc":"91410100MA3159566W","name":"郑州示例传感科技有限公司","district":"郑州高新区","traits":["industrial","manufacturing","above-scale","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000}},"projects":[{"id":"P1","kind":"tech-reform","sei":true,"totalInvestment":30000000,"equipmentInvestment":24000000,"completedOn":"2024-05-31"}]}""";

    /// <summary>
    /// In June 2025 the current year is 2024: /9 pays 2400万×15% = 360万 and /7 four 5-point steps of growth (23 %) × 10万
    /// = 40万, 400万 in all. In December 2026 it is 2025, a year with neither figures nor events in this dossier: nothing.
    /// </summary>
    [Theory]
    [InlineData("2025-06-01T02:00:00Z", 2024, 4_000_000)]
    [InlineData("2026-12-06T02:00:00Z", 2025, 0)]
    public async Task Without_a_year_the_current_award_year_is_evaluated(string utc, int year, decimal total)
    {
        var path = Path.Combine(Path.GetTempPath(), "huiqi-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, Sensor);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        var code = await CommandLine.RunAsync(["evaluate", path], new CliIo(TextReader.Null, stdout, stderr, false) { Clock = clock });
        File.Delete(path);

        Assert.Equal(ExitCode.Ok, code);
        using var answer = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(year, answer.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(total, answer.RootElement.GetProperty("total").GetDecimal());
        Assert.Contains($"按当前评估年度 {year} 年度", stderr.ToString(), StringComparison.Ordinal);
    }
}
