using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Cli.Commands;

/// <summary>
/// Where a command that looks at many enterprises reads them: a JSONL file of dossiers (<c>--population</c>), or the
/// registry (<c>--db</c>, else HUIQI_DB, else data/huiqi.db). Streamed either way.
/// </summary>
internal sealed class Population
{
    private readonly string? _file;
    private readonly string? _db;
    private readonly bool _useStore;

    private Population(string? file, string? db, bool useStore)
    {
        _file = file;
        _db = db;
        _useStore = useStore;
    }

    /// <summary>Reads the options; with neither, no population (counts stay empty) unless the registry file exists.</summary>
    public static Population From(Args args)
    {
        var file = args.Option("population");
        var db = StoreArgs.Db(args);
        var useStore = file is null && (db is not null || File.Exists("data/huiqi.db"));
        return new Population(file, db, useStore);
    }

    public bool IsEmpty => _file is null && !_useStore;

    /// <summary>The registry's connection when the population is read from it (its monitoring tables hold the districts' reports), else null.</summary>
    public string? StoreConnection => _useStore ? new Huiqi.Store.HuiqiDatabase(_db).ConnectionString : null;

    public async IAsyncEnumerable<Dossier> ReadAsync(CliIo io, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        if (_file is not null)
        {
            using var reader = new StreamReader(_file);
            var n = 0;
            while (await reader.ReadLineAsync(cancel) is { } line)
            {
                n++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var read = DossierReader.Read(line);
                if (!read.Ok)
                {
                    await io.Error.WriteLineAsync($"第{n}行 / line {n}: {string.Join("; ", read.Errors)}");
                    continue;
                }

                yield return read.Dossier!;
            }

            yield break;
        }

        if (!_useStore)
        {
            yield break;
        }

        var store = await StoreArgs.OpenAsync(_db, io, cancel);
        await foreach (var d in store.StreamAsync(cancel: cancel))
        {
            yield return d;
        }
    }
}
