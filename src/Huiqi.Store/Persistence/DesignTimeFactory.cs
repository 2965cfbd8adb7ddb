using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Huiqi.Store;

/// <summary>
/// For <c>dotnet ef migrations</c>: a part's context on a placeholder database, Npgsql when HUIQI_EF_PROVIDER=postgres,
/// else SQLite. Each part declares its own in one line (EF finds the factory in the part's assembly).
/// </summary>
public abstract class DesignTimeFactory<TContext>(Func<string, IDbContextFactory<TContext>> open) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        open(Environment.GetEnvironmentVariable("HUIQI_EF_PROVIDER") == "postgres"
            ? "Host=127.0.0.1;Database=design;Username=design;Password=design"
            : "Data Source=design.db").CreateDbContext();
}
