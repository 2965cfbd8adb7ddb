using Huiqi.Engine.Model;
using Huiqi.Store;

namespace Huiqi.Simulation.Runs;

/// <summary>
/// The registry as a population (企业库全量): its dossiers streamed page by page and handed to a simulation or a
/// forecast in chunks, as the web's runs and forecasts and <c>huiqi simulate/forecast --db</c> all read it.
/// </summary>
public static class RegistryPopulation
{
    /// <summary>Dossiers handed over together: enough to keep every core busy, few enough that memory stays flat.</summary>
    public const int Chunk = 4096;

    /// <summary>
    /// Feeds every dossier of <paramref name="store"/> to <paramref name="sink"/>, telling <paramref name="progress"/>
    /// the count after each full chunk; answers how many were fed.
    /// </summary>
    public static async Task<long> FeedAsync(DossierStore store, IPopulationSink sink, Action<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        var chunk = new List<Dossier>(Chunk);
        long count = 0;
        await foreach (var d in store.StreamAsync(cancel: cancel))
        {
            chunk.Add(d);
            if (chunk.Count == Chunk)
            {
                sink.AddDossiers(chunk);
                count += chunk.Count;
                chunk.Clear();
                progress?.Invoke(count);
            }
        }

        sink.AddDossiers(chunk);
        return count + chunk.Count;
    }
}
