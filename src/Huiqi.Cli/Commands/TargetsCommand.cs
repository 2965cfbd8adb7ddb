using Huiqi.Engine.Catalog;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi targets --year Y [--db … | --population FILE.jsonl]</c>: every target in force that year, with the actual
/// the registry can count (indicators the districts report stay null until reported) and a status.
/// </summary>
public sealed class TargetsCommand : ICliCommand
{
    public string Name => "targets";

    public string Summary => "目标完成情况：targets --year Y [--db … | --population FILE.jsonl]（JSON 数组）";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var year = args.IntOption("year") ?? throw new UsageException("缺少 --year / --year is required");
        var population = Population.From(args);
        var dir = args.Option("catalog");
        args.EnsureAllRead();
        var catalog = PolicySource.Load(dir).Catalog ?? throw new UsageException("政策目录有错误，请运行 huiqi catalog check / the catalogue has errors");
        var tracker = new TargetTracker(catalog, year);
        var counted = 0;
        await foreach (var d in population.ReadAsync(io, cancel))
        {
            tracker.Add(d);
            counted++;
        }

        var json = JsonText.Write(indented: true, w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < tracker.Targets.Count; i++)
            {
                var t = tracker.Targets[i];
                var actual = population.IsEmpty ? null : tracker.ActualOf(i);
                w.WriteStartObject();
                w.WriteString("document", t.Document);
                w.WriteString("clause", t.Source);
                w.WriteString("scope", t.Scope);
                w.WriteString("indicator", t.Indicator);
                w.WriteString("unit", t.Unit);
                w.WriteString("direction", t.DirectionWord);
                w.WriteNumber("value", t.Value);
                if (actual is { } a)
                {
                    w.WriteNumber("actual", a);
                }
                else
                {
                    w.WriteNull("actual");
                }

                w.WriteString("status", actual is { } b ? (t.Met(b) ? "met" : "behind") : "not-reported");
                w.WriteString("source", t.Actual is CountActual ? "registry" : "district-report");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        await io.Out.WriteLineAsync(json);
        await io.Error.WriteLineAsync($"{year}年目标 {tracker.Targets.Count} 项，统计企业 {counted} 户 / {tracker.Targets.Count} targets, {counted} enterprises counted");
        return ExitCode.Ok;
    }
}
