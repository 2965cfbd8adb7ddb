using Huiqi.Engine.Catalog;
using Huiqi.Engine.Input;
using Huiqi.Policies;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Huiqi.Store;

namespace Huiqi.Cli.Commands;

/// <summary>What <c>simulate</c> and <c>forecast</c> share: the reform named on the command line, and the population streamed in chunks.</summary>
internal static class SimulationInput
{
    /// <summary>Lines (or dossiers) handed over together: enough to keep every core busy, few enough that memory stays flat.</summary>
    public const int Chunk = RegistryPopulation.Chunk;

    /// <summary>
    /// <c>--reform</c>: a reform file, or the name of a shipped example (<c>split-60-40</c>), looked up in the
    /// <c>reforms/</c> folder of <c>--catalog DIR</c> first, then among those built in.
    /// </summary>
    public static async Task<(Reform? Reform, IReadOnlyList<CatalogError> Errors)> ReadReformAsync(string nameOrPath, string? catalogDir, CancellationToken cancel)
    {
        string file, text;
        if (File.Exists(nameOrPath))
        {
            file = nameOrPath;
            text = await File.ReadAllTextAsync(nameOrPath, cancel);
        }
        else if (catalogDir is not null && File.Exists(Path.Combine(catalogDir, PolicySource.ReformFolder, nameOrPath + ".yaml")))
        {
            file = Path.Combine(catalogDir, PolicySource.ReformFolder, nameOrPath + ".yaml").Replace('\\', '/');
            text = await File.ReadAllTextAsync(file, cancel);
        }
        else if (ReformText.Shipped(nameOrPath) is { } shipped)
        {
            (file, text) = shipped;
        }
        else
        {
            throw new UsageException($"找不到调整方案“{nameOrPath}”：既不是文件，也不是内置示例（{string.Join("、", ReformText.ShippedNames)}） / no reform file or shipped example '{nameOrPath}'");
        }

        var read = ReformReader.Read(file, text);
        return (read.Reform, read.Errors);
    }

    /// <summary>The population named by <c>--population FILE.jsonl</c> or <c>--db CONNECTION</c>, one of which is required.</summary>
    public sealed record Source(string? File, string? Db)
    {
        public static Source From(Args args)
        {
            var file = args.Option("population");
            var db = args.Option("db");
            if (file is not null && db is not null)
            {
                throw new UsageException("--population 与 --db 只能选一个 / choose --population or --db");
            }

            db ??= file is null ? Environment.GetEnvironmentVariable(StoreArgs.EnvironmentVariable) : null;
            return file is null && db is null
                ? throw new UsageException("需要企业群体：--population FILE.jsonl 或 --db CONNECTION / a population is needed: --population FILE.jsonl or --db CONNECTION")
                : new Source(file, db);
        }

        public string Describe() => File ?? new HuiqiDatabase(Db).Describe();
    }

    /// <summary>
    /// Streams the population into the sink in chunks: JSONL lines as they are (the sink parses them in parallel), or the
    /// registry's dossiers page by page. Returns the number of lines (or dossiers) read.
    /// </summary>
    public static async Task<long> FeedAsync(Source source, IPopulationSink sink, CliIo io, CancellationToken cancel)
    {
        if (source.File is { } path)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"文件不存在 / file not found: {path}");
            }

            // The next chunk is read while the cores evaluate this one; the sink parses each line once, from its UTF-8.
            using var lines = JsonLines.Open(path);
            using LineChunk first = new(), second = new();
            var filling = first;
            var reading = Task.Run(() => lines.Next(first, Chunk), cancel);
            long read = 0;
            try
            {
                while (await reading)
                {
                    var full = filling;
                    var next = filling = ReferenceEquals(full, first) ? second : first;
                    reading = Task.Run(() => lines.Next(next, Chunk), cancel);
                    sink.AddLines(full);
                    read += full.Count;
                    Progress(io, read);
                }

                return read;
            }
            finally
            {
                await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return await RegistryPopulation.FeedAsync(new DossierStore(new HuiqiDatabase(source.Db)), sink, n => Progress(io, n), cancel);
    }

    private static void Progress(CliIo io, long n)
    {
        if (io.ErrorIsTerminal && n % (Chunk * 16) == 0)
        {
            io.Error.Write($"\r已处理 {n:N0} / {n:N0} read");
        }
    }

    /// <summary>An amount with its sign, as the documents write amounts: +500万元, −2万元, 0元.</summary>
    public static string Signed(decimal yuan) => yuan > 0 ? "+" + Huiqi.Engine.Evaluation.Zh.Money(yuan) : yuan < 0 ? "−" + Huiqi.Engine.Evaluation.Zh.Money(-yuan) : "0元";
}
