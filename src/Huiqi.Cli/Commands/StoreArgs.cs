using Huiqi.Store;

namespace Huiqi.Cli.Commands;

/// <summary>
/// The option the registry commands share: <c>--db</c>, a SQLite file path or a PostgreSQL connection string
/// (<c>Host=…</c>); without it the HUIQI_DB environment variable, else <c>data/huiqi.db</c>.
/// </summary>
internal static class StoreArgs
{
    public const string EnvironmentVariable = StoreConnection.EnvironmentVariable;

    /// <summary>The --db option (read now, so <see cref="Args.EnsureAllRead"/> knows it).</summary>
    public static string? Db(Args args) => args.Option("db") ?? Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Opens the registry, creating and migrating it when needed; progress to stderr in English.</summary>
    public static async Task<DossierStore> OpenAsync(string? connection, CliIo io, CancellationToken cancel)
    {
        var database = new HuiqiDatabase(connection);
        await database.MigrateAsync(cancel);
        await io.Error.WriteLineAsync($"registry: {database.Describe()}");
        return new DossierStore(database);
    }

    /// <summary>Who is acting, for the audit log: --actor, else the operating-system user.</summary>
    public static string Actor(Args args) => args.Option("actor") ?? $"{Environment.UserName}@cli";
}
