using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;

namespace Huiqi.Supervision.Tests;

/// <summary>A clock that stands still at a chosen moment (UTC), so months and flags are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>The registry and the supervision ledger on one database, with the services over them.</summary>
public sealed record Ledger(DossierStore Store, TaskLedgerDatabase Database, FixedClock Clock)
{
    public static readonly Huiqi.Engine.Catalog.PolicyCatalog Catalog = PolicySource.Default();

    public LibrarySelection Selection => new(Database, Store, Catalog, Clock);

    public LibraryRegister Register => new(Database, Store, Clock);

    public TaskLedger Tasks => new(Database, Catalog, new TaskLedgerOptions { StalledMonths = 2 }, Clock);

    public ProgressReports Reports => new(Database, Clock);
}
