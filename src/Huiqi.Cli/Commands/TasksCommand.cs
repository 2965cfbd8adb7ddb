using Huiqi.Policies;

namespace Huiqi.Cli.Commands;

/// <summary><c>huiqi tasks [--document ID]</c>: the documents' tasks with their lead and responsible units (任务台账).</summary>
public sealed class TasksCommand : ICliCommand
{
    public string Name => "tasks";

    public string Summary => "任务台账：tasks [--document ID]（编号、任务、牵头单位、责任单位）";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var only = args.Option("document");
        var dir = args.Option("catalog");
        args.EnsureAllRead();
        var catalog = PolicySource.Load(dir).Catalog ?? throw new UsageException("政策目录有错误，请运行 huiqi catalog check / the catalogue has errors");
        var docs = catalog.Documents.Where(d => only is null || d.Id == only).ToList();
        if (docs.Count == 0)
        {
            throw new UsageException($"没有文件“{only}” / no document '{only}'");
        }

        foreach (var t in docs.SelectMany(d => d.Tasks))
        {
            await io.Out.WriteLineAsync($"{t.Id}\t{t.Title}\t牵头：{string.Join("、", t.Lead)}\t责任：{string.Join("、", t.Responsible)}");
        }

        return ExitCode.Ok;
    }
}
