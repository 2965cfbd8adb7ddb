using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using Huiqi.Policies;
using Huiqi.Supervision.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi targets --year Y [--db … | --population FILE.jsonl]</c>: every target in force that year, with its actual
/// and status as the dashboard shows them: counts from the registry (or the population file), and with the registry
/// the indicators the districts reported monthly (the latest month of the target's period); null until reported.
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
        var today = io.Clock.Today();
        var figures = new RegistryFigures(catalog, today);
        await figures.ReadAsync(population.ReadAsync(io, cancel), cancel);

        IReadOnlyList<IndicatorReportRow> reports = [];
        if (population.StoreConnection is { } connection)
        {
            var monitoring = new MonitoringDatabase(connection);
            await monitoring.MigrateAsync(cancel);
            await using var db = monitoring.CreateDbContext();
            reports = await db.Reports.AsNoTracking().ToListAsync(cancel);
        }

        var lines = TargetBoard.For(catalog, year, population.IsEmpty ? null : figures, reports, today);
        var json = JsonText.Write(indented: true, w =>
        {
            w.WriteStartArray();
            foreach (var l in lines)
            {
                var t = l.Target;
                w.WriteStartObject();
                w.WriteString("document", t.Document);
                w.WriteString("clause", t.Source);
                w.WriteString("scope", t.Scope);
                w.WriteString("indicator", t.Indicator);
                w.WriteString("unit", t.Unit);
                w.WriteString("direction", t.DirectionWord);
                w.WriteNumber("value", t.Value);
                if (l.Progress.Actual is { } a)
                {
                    w.WriteNumber("actual", a);
                    w.WriteString("asOf", $"{l.Progress.AsOfYear}-{l.Progress.AsOfMonth:00}");
                }
                else
                {
                    w.WriteNull("actual");
                }

                w.WriteString("status", Progress.Word(l.Progress.State));
                if (l.IsBehind)
                {
                    w.WriteNumber("needed", l.Progress.Needed!.Value);
                    w.WriteNumber("shortfall", l.Progress.Gap);
                }

                w.WriteString("source", l.Source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        await io.Out.WriteLineAsync(json);
        await io.Error.WriteLineAsync($"{year}年目标 {lines.Count} 项，统计企业 {figures.Enterprises} 户，区县月报 {reports.Count} 条 / {lines.Count} targets, {figures.Enterprises} enterprises counted, {reports.Count} monthly reports");
        return ExitCode.Ok;
    }
}
