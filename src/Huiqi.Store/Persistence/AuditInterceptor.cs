using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Huiqi.Store;

/// <summary>
/// A context that keeps an audit trail (变更留痕): which of its rows and columns are traced, under whose name, and
/// where the line goes. <see cref="AuditInterceptor"/> does the rest.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Who is making the changes saved through this context (操作人).</summary>
    string Actor { get; }

    /// <summary>Whether changes to this row are traced.</summary>
    bool Audits(EntityEntry entry);

    /// <summary>Whether this column's values are written into the trace.</summary>
    bool AuditsColumn(EntityEntry entry, PropertyEntry column);

    /// <summary>Called for each traced row about to be inserted or updated, before its trace is taken (to stamp keys).</summary>
    void Stamp(EntityEntry entry)
    {
    }

    /// <summary>Adds the trace line for one row to the context, so it is saved with the change.</summary>
    void Write(EntityEntry entry, AuditLine line);
}

/// <summary>One traced change: when, who, which table, <c>insert</c>/<c>update</c>/<c>delete</c>, and the columns' old and new values as JSON.</summary>
public sealed record AuditLine(DateTime At, string Actor, string Table, string Action, string? Old, string? New);

/// <summary>
/// Writes the audit trail of every context that is an <see cref="IAuditTrail"/>, in the same SaveChanges (so in the
/// same transaction) as the change: no row changes without its trace, and a failed save leaves neither. The time comes
/// from the <see cref="TimeProvider"/>, in UTC.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Trace(DbContext? context)
    {
        if (context is not IAuditTrail trail)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var at = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && trail.Audits(e))
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.State != EntityState.Deleted)
            {
                trail.Stamp(entry);
            }

            var changed = entry.Properties
                .Where(p => trail.AuditsColumn(entry, p))
                .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                .ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }

            trail.Write(entry, new AuditLine(
                at,
                trail.Actor,
                entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                entry.State switch
                {
                    EntityState.Added => "insert",
                    EntityState.Deleted => "delete",
                    _ => "update",
                },
                entry.State == EntityState.Added ? null : Values(changed, original: true),
                entry.State == EntityState.Deleted ? null : Values(changed, original: false)));
        }
    }

    private static string Values(IEnumerable<PropertyEntry> properties, bool original) =>
        JsonSerializer.Serialize(
            properties.ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue),
            AuditJson);
}
