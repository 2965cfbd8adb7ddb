using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store;

/// <summary>
/// How every part of the platform (the registry, the cases, monitoring, the task ledger, the web tables, the stored
/// simulation runs) opens and migrates its context on the one database: the provider from the
/// <see cref="StoreConnection"/>, the part's migrations and history table, and the audit trail
/// (<see cref="AuditInterceptor"/>) on the clock given.
/// </summary>
public abstract class PartDatabase<TContext> : IDbContextFactory<TContext>, IPartDatabase
    where TContext : DbContext
{
    protected PartDatabase(string? connection, string? historyTable, TimeProvider? clock = null)
    {
        Connection = StoreConnection.Resolve(connection);
        Clock = clock ?? TimeProvider.System;
        Audit = new AuditInterceptor(Clock);
        var builder = new DbContextOptionsBuilder<TContext>();
        Connection.Use(builder, typeof(TContext).Assembly, historyTable);
        builder.AddInterceptors(Audit);
        Options = builder.Options;
    }

    public StoreConnection Connection { get; }

    public StoreProvider Provider => Connection.Provider;

    public string ConnectionString => Connection.ConnectionString;

    /// <summary>The clock the audit trail stamps changes with.</summary>
    public TimeProvider Clock { get; }

    protected AuditInterceptor Audit { get; }

    protected DbContextOptions<TContext> Options { get; }

    /// <summary>A short description for logs, without the password.</summary>
    public string Describe() => Connection.Describe();

    public abstract TContext CreateDbContext();

    /// <summary>Creates the database (and for SQLite its folder) when absent and applies this part's pending migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        Connection.EnsureFolder();
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancel);
    }
}

/// <summary>
/// A part's tables on the one database, as the host sees them at start: registered once per part, and migrated all
/// together, the registry first, in the order the parts were registered.
/// </summary>
public interface IPartDatabase
{
    /// <summary>A short description for logs, without the password.</summary>
    string Describe();

    /// <summary>Creates the database when absent and applies this part's pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancel = default);
}
