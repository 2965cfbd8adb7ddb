using System.Diagnostics.Tracing;

namespace Huiqi.Bench;

/// <summary>
/// Which types the engine allocates (diagnostic, <c>--alloc-profile</c>): the runtime's AllocationTick events, one per
/// ~100 KB allocated, counted by type name while the engine evaluates the population.
/// </summary>
public sealed class AllocationProfile : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _on;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName != "GCAllocationTick_V4" || e.Payload is null)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    public static void Run(Action work)
    {
        using var p = new AllocationProfile();
        Thread.Sleep(500);
        p._on = true;
        work();
        p._on = false;
        Thread.Sleep(500);
        long total;
        lock (p._bytes)
        {
            total = p._bytes.Values.Sum();
            foreach (var (type, bytes) in p._bytes.OrderByDescending(x => x.Value).Take(30))
            {
                Console.WriteLine($"  {bytes * 100.0 / total,5:F1}%  {type}");
            }
        }
    }
}
