using Huiqi.Demo;

namespace Huiqi.Web.Registry;

/// <summary>
/// In the Demo environment, fills an empty registry with the demo city of Huiqi.Store (<see cref="DemoCity"/>):
/// <c>Huiqi:Demo:Enterprises</c> enterprises (3,000 by default) from <c>Huiqi:Demo:Seed</c>, so every start gives the
/// same city. A registry that already holds enterprises is left as it is.
/// </summary>
public sealed class DemoCitySeeder(DossierStore store, Microsoft.Extensions.Options.IOptions<Huiqi.Web.Extensions.HuiqiOptions> options, ILogger<DemoCitySeeder> log)
{
    /// <summary>The environment (ASPNETCORE_ENVIRONMENT) in which the demo city and the demo accounts are created.</summary>
    public const string Environment = "Demo";

    public async Task SeedIfEmptyAsync(CancellationToken cancel = default)
    {
        var count = options.Value.Demo.Enterprises;
        var seed = options.Value.Demo.Seed;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = await DemoCity.SeedIfEmptyAsync(store, count, seed, cancel);
        if (written > 0)
        {
            log.LogInformation("Created the demo city: {Count} enterprises (seed {Seed}) in {Elapsed} ms", written, seed, clock.ElapsedMilliseconds);
        }
    }
}
