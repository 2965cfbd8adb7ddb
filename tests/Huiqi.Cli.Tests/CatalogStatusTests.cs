using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Huiqi.Cli.Tests;

/// <summary>The command line reads a document's status against today in Beijing, from its one clock (<see cref="CliIo.Clock"/>).</summary>
public class CatalogStatusTests
{
    /// <summary>
    /// <c>huiqi catalog list</c> reads the status against Beijing's date: 2026-11-26 15:59 UTC is 23:59 on the 26th in
    /// Beijing (still 有效); 16:00 UTC is midnight of the 27th (已失效).
    /// </summary>
    [Theory]
    [InlineData("2026-11-26T15:59:00Z", "有效")]
    [InlineData("2026-11-26T16:00:00Z", "已失效")]
    public async Task The_catalogue_list_shows_the_status_of_today_in_Beijing(string utc, string status)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        var stdout = new StringWriter();
        var code = await CommandLine.RunAsync(["catalog", "list"], new CliIo(TextReader.Null, stdout, new StringWriter(), false) { Clock = clock });
        Assert.Equal(ExitCode.Ok, code);
        var line = stdout.ToString().Split('\n').First(l => l.StartsWith("zz2023-23/9\t", StringComparison.Ordinal));
        Assert.EndsWith("\t" + status, line.TrimEnd('\r'));
    }
}
