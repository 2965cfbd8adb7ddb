using Huiqi.Policies;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi libraries --year Y [--db … | --population FILE.jsonl]</c>: each cultivation library's members that year, with
/// the reason each qualifies (the selection rules of the catalogue).
/// </summary>
public sealed class LibrariesCommand : ICliCommand
{
    public string Name => "libraries";

    public string Summary => "培育库名单：libraries --year Y [--db … | --population FILE.jsonl]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var year = args.IntOption("year") ?? throw new UsageException("缺少 --year / --year is required");
        var population = Population.From(args);
        var dir = args.Option("catalog");
        args.EnsureAllRead();
        var catalog = PolicySource.Load(dir).Catalog ?? throw new UsageException("政策目录有错误，请运行 huiqi catalog check / the catalogue has errors");
        if (population.IsEmpty)
        {
            throw new UsageException("需要企业范围：--db 或 --population FILE.jsonl / give --db or --population");
        }

        var members = catalog.Libraries.ToDictionary(l => l.Id, _ => new List<(string Uscc, string Name, string District, string Reason)>());
        await foreach (var d in population.ReadAsync(io, cancel))
        {
            foreach (var (lib, reason) in catalog.LibrariesOf(d, year) ?? [])
            {
                members[lib.Id].Add((d.Uscc, d.Name, d.District, reason));
            }
        }

        foreach (var lib in catalog.Libraries)
        {
            var list = members[lib.Id];
            await io.Out.WriteLineAsync($"{lib.Name}（{lib.Id}）{year}年：{list.Count} 户");
            foreach (var (uscc, name, district, reason) in list.OrderBy(m => m.District, StringComparer.Ordinal).ThenBy(m => m.Uscc, StringComparer.Ordinal))
            {
                await io.Out.WriteLineAsync($"  {uscc}\t{name}\t{district}\t{reason}");
            }
        }

        return ExitCode.Ok;
    }
}
