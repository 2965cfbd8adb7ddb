using Huiqi.Web.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Tests.Http;

/// <summary>The settings are bound once and checked before the application starts, naming the wrong key in both languages.</summary>
public sealed class OptionsTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    [Fact]
    public void A_wrong_setting_stops_the_start_and_names_its_key()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Builder(("Huiqi:Batch:Threads", "0"), ("Huiqi:Lockout:Minutes", "0")).ReadHuiqiOptions());
        Assert.Contains("Huiqi:Batch:Threads", e.Message, StringComparison.Ordinal);
        Assert.Contains("Huiqi:Lockout:Minutes", e.Message, StringComparison.Ordinal);
        Assert.Contains("应在", e.Message, StringComparison.Ordinal);
        Assert.Contains("must lie between", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HUIQI_DB_wins_over_the_connection_string_and_the_defaults_hold()
    {
        var options = Builder(("HUIQI_DB", "Data Source=a.db"), ("ConnectionStrings:Huiqi", "Data Source=b.db")).ReadHuiqiOptions();
        Assert.Equal("Data Source=a.db", options.Database);
        Assert.Equal("Data Source=b.db", Builder(("HUIQI_DB", ""), ("ConnectionStrings:Huiqi", "Data Source=b.db")).ReadHuiqiOptions().Database);
        Assert.Equal(2, options.Batch.Threads);
        Assert.Equal(60, options.RateLimits.Anonymous.PermitLimit);
        Assert.Equal(200_000, options.Simulation.MaxEnterprises);
    }
}
