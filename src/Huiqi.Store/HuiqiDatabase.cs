using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Store;

/// <summary>
/// Opens the registry from one setting (<see cref="StoreConnection"/>): a SQLite file path or connection string
/// (default <see cref="DefaultConnection"/>), or a PostgreSQL connection string (<c>Host=…</c>). One schema and one
/// set of migrations serve both; <see cref="PartDatabase{TContext}.MigrateAsync"/> creates the database and brings it
/// up to date.
/// </summary>
public sealed class HuiqiDatabase(string? connection = null, TimeProvider? clock = null)
    : PartDatabase<HuiqiDbContext>(connection, historyTable: null, clock)
{
    public const string DefaultConnection = StoreConnection.Default;

    public override HuiqiDbContext CreateDbContext() => new(Options);

    /// <summary>A context whose changes are recorded in the audit log under <paramref name="actor"/>.</summary>
    public HuiqiDbContext CreateDbContext(string actor) => new(Options) { Actor = actor };

    /// <summary>
    /// A context on a connection another context already opened, so that its changes join that context's transaction
    /// (<c>Database.UseTransaction</c>): a payment and the ledger line it writes commit together or not at all.
    /// </summary>
    public HuiqiDbContext CreateDbContext(System.Data.Common.DbConnection connection, string actor)
    {
        var builder = new DbContextOptionsBuilder<HuiqiDbContext>();
        Connection.Use(builder, connection);
        builder.AddInterceptors(Audit);
        return new HuiqiDbContext(builder.Options) { Actor = actor };
    }
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql).</summary>
internal sealed class HuiqiDesignTimeFactory() : DesignTimeFactory<HuiqiDbContext>(c => new HuiqiDatabase(c));

/// <summary>Registration of the registry in a host (the web server).</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="HuiqiDatabase"/> (also as the context factory, and as the first <see cref="IPartDatabase"/> to
    /// migrate) and <see cref="DossierStore"/>: SQLite at <c>data/huiqi.db</c> unless <paramref name="connection"/>
    /// names a file or a PostgreSQL server.
    /// </summary>
    public static IServiceCollection AddHuiqiStore(this IServiceCollection services, string? connection = null)
    {
        // The audit trail is stamped by the host's clock, the one every other part reads.
        services.AddSingleton(sp => new HuiqiDatabase(connection, sp.GetService<TimeProvider>()));
        services.AddSingleton<IDbContextFactory<HuiqiDbContext>>(sp => sp.GetRequiredService<HuiqiDatabase>());
        services.AddPart<HuiqiDatabase>();
        services.AddSingleton<DossierStore>();
        return services;
    }
}

/// <summary>Registration of a part's database so that the host migrates it at start with the others.</summary>
public static class PartServiceCollectionExtensions
{
    /// <summary>Adds <paramref name="database"/> to the parts migrated at start (<see cref="IPartDatabase"/>), after those added before.</summary>
    public static IServiceCollection AddPart(this IServiceCollection services, IPartDatabase database) =>
        services.AddSingleton(database);

    /// <summary>Adds the part <typeparamref name="TDatabase"/>, created by the container, to those migrated at start.</summary>
    public static IServiceCollection AddPart<TDatabase>(this IServiceCollection services)
        where TDatabase : class, IPartDatabase =>
        services.AddSingleton<IPartDatabase>(sp => sp.GetRequiredService<TDatabase>());
}
