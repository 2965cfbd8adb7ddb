using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi libraries --year Y [--db … | --population FILE.jsonl]</c>: each cultivation library's members that year, with
/// the reason each is there. From the registry, the districts' ledger as it stood at the end of the year (the yearly
/// selections with the additions and removals made by hand, as the web lists them); from a file, or before any selection
/// has been run, the selection rules applied to the dossiers.
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

        IReadOnlyList<LibraryMember> members = [];
        var source = "按遴选规则";
        if (population.StoreConnection is { } connection)
        {
            var ledger = new TaskLedgerDatabase(connection);
            await ledger.MigrateAsync(cancel);
            var register = new LibraryRegister(ledger, new DossierStore(new HuiqiDatabase(connection)), TimeProvider.System);
            if (await register.LatestYearAsync(cancel) is not null)
            {
                members = await register.MembersAtAsync(Actor.System("cli"), year, cancel);
                source = "培育库台账年末在库";
            }
        }

        if (source == "按遴选规则")
        {
            var found = new List<LibraryMember>();
            await foreach (var d in population.ReadAsync(io, cancel))
            {
                found.AddRange(LibraryDefinitions.Qualify(catalog, d, year).Select(q => new LibraryMember(q.Library, q.Tier, d.Uscc, d.Name, d.District, q.Reason, false)));
            }

            members = found;
        }

        foreach (var library in LibraryDefinitions.All)
        {
            foreach (var tier in library.Tiers.Count == 0 ? [null] : library.Tiers.Select(t => (string?)t.Id))
            {
                var list = members.Where(m => m.Library == library.Id && m.Tier == tier).OrderBy(m => m.District, StringComparer.Ordinal).ThenBy(m => m.Uscc, StringComparer.Ordinal).ToList();
                await io.Out.WriteLineAsync($"{LibraryDefinitions.Label(library.Id, tier)}（{library.Id}{(tier is null ? "" : "/" + tier)}）{year}年：{list.Count} 户（{source}）");
                foreach (var m in list)
                {
                    await io.Out.WriteLineAsync($"  {m.Uscc}\t{m.Name}\t{m.District}\t{m.Reason}{(m.Manual ? "（人工入库）" : "")}");
                }
            }
        }

        return ExitCode.Ok;
    }
}
