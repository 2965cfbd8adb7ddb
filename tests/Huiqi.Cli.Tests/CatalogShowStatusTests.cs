using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Huiqi.Cli.Tests;

/// <summary><c>huiqi catalog show</c> says where the clause's document stands today and until when it is claimed.</summary>
public class CatalogShowStatusTests
{
    /// <summary>On 2026-12-06 郑政〔2023〕23号 has expired (2026-11-26); applications are accepted until 2027-03-31.</summary>
    [Fact]
    public async Task An_expired_documents_clause_says_until_when_applications_are_accepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T02:00:00Z", CultureInfo.InvariantCulture));
        var stdout = new StringWriter();
        var code = await CommandLine.RunAsync(["catalog", "show", "zz2023-23/9"], new CliIo(TextReader.Null, stdout, new StringWriter(), false) { Clock = clock });
        Assert.Equal(ExitCode.Ok, code);
        Assert.Contains("状态 / status: 已失效（2026-11-26到期；期内发生的事项受理申请至2027-03-31）", stdout.ToString(), StringComparison.Ordinal);
    }
}
