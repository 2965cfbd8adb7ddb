using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Huiqi.Web.Registry;

/// <summary>/healthz: healthy when the registry's database answers.</summary>
public sealed class DatabaseHealthCheck(HuiqiDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.CreateDbContext();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(database.Provider.ToString())
                : HealthCheckResult.Unhealthy("数据库无法连接 / the database does not answer");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("数据库无法连接 / the database does not answer", e);
        }
    }
}
