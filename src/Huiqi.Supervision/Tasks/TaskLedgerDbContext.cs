using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Tasks;

/// <summary>
/// The supervision ledger's tables (督导台账), in the registry's database with their own migrations and history table:
/// cultivation-library memberships with their history and the selections run, and the task ledger with its units and
/// monthly progress. The registry is read through Huiqi.Store, never mapped here.
/// </summary>
public sealed class TaskLedgerDbContext(DbContextOptions<TaskLedgerDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__ledger_migrations";

    public DbSet<LibraryMembershipRow> Memberships => Set<LibraryMembershipRow>();

    public DbSet<LibraryEventRow> LibraryEvents => Set<LibraryEventRow>();

    public DbSet<LibrarySelectionRow> Selections => Set<LibrarySelectionRow>();

    public DbSet<LedgerTaskRow> Tasks => Set<LedgerTaskRow>();

    public DbSet<LedgerAssignmentRow> Assignments => Set<LedgerAssignmentRow>();

    public DbSet<LedgerProgressRow> Progress => Set<LedgerProgressRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LibraryMembershipRow>(b =>
        {
            b.ToTable("ledger_library_members");
            b.HasKey(m => m.Id);
            b.Property(m => m.Library).HasMaxLength(40).IsRequired();
            b.Property(m => m.Uscc).HasMaxLength(18).IsRequired();
            b.Property(m => m.Name).HasMaxLength(200).IsRequired();
            b.Property(m => m.District).HasMaxLength(20).IsRequired();
            b.Property(m => m.Tier).HasMaxLength(20);
            b.Property(m => m.Reason).HasMaxLength(1000).IsRequired();
            b.HasIndex(m => new { m.Library, m.Uscc }).IsUnique();
            b.HasIndex(m => new { m.District, m.Library, m.Active });
            b.HasIndex(m => m.Uscc);
            b.HasMany(m => m.Events).WithOne(e => e.Membership).HasForeignKey(e => e.MembershipId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LibraryEventRow>(b =>
        {
            b.ToTable("ledger_library_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasMaxLength(20).IsRequired();
            b.Property(e => e.FromTier).HasMaxLength(20);
            b.Property(e => e.Tier).HasMaxLength(20);
            b.Property(e => e.Reason).HasMaxLength(1000).IsRequired();
            b.Property(e => e.By).HasMaxLength(256).IsRequired();
            b.Ignore(e => e.KindName);
            b.HasIndex(e => new { e.MembershipId, e.Id });
        });

        modelBuilder.Entity<LibrarySelectionRow>(b =>
        {
            b.ToTable("ledger_library_selections");
            b.HasKey(s => s.Year);
            b.Property(s => s.Year).ValueGeneratedNever();
            b.Property(s => s.By).HasMaxLength(256).IsRequired();
        });

        modelBuilder.Entity<LedgerTaskRow>(b =>
        {
            b.ToTable("ledger_tasks");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).HasMaxLength(40);
            b.Property(t => t.Document).HasMaxLength(40).IsRequired();
            b.Property(t => t.Title).HasMaxLength(200).IsRequired();
            b.Property(t => t.Text).HasMaxLength(8000).IsRequired();
            b.Property(t => t.Lead).HasMaxLength(1000).IsRequired();
            b.Property(t => t.Responsible).HasMaxLength(2000).IsRequired();
            b.Property(t => t.Due).HasMaxLength(7).IsRequired();
            b.Property(t => t.DueBasis).HasMaxLength(100).IsRequired();
            b.HasIndex(t => t.Seq);
            b.HasMany(t => t.Assignments).WithOne(a => a.Task).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LedgerAssignmentRow>(b =>
        {
            b.ToTable("ledger_task_units");
            b.HasKey(a => a.Id);
            b.Property(a => a.TaskId).HasMaxLength(40).IsRequired();
            b.Property(a => a.Unit).HasMaxLength(100).IsRequired();
            b.Property(a => a.District).HasMaxLength(20);
            b.HasIndex(a => new { a.TaskId, a.Unit }).IsUnique();
            b.HasIndex(a => new { a.District, a.Unit });
            b.HasMany(a => a.Progress).WithOne(p => p.Assignment).HasForeignKey(p => p.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LedgerProgressRow>(b =>
        {
            b.ToTable("ledger_task_progress");
            b.HasKey(p => p.Id);
            b.Property(p => p.Month).HasMaxLength(7).IsRequired();
            b.Property(p => p.Status).HasMaxLength(20).IsRequired();
            b.Property(p => p.Text).HasMaxLength(2000).IsRequired();
            b.Property(p => p.ReportedBy).HasMaxLength(256).IsRequired();
            b.HasIndex(p => new { p.AssignmentId, p.Month }).IsUnique();
            b.HasIndex(p => p.Month);
        });
    }
}

/// <summary>
/// Opens the supervision ledger on the registry's connection (a SQLite file or a PostgreSQL <c>Host=…</c> string) and
/// brings its tables up to date; the registry itself is migrated by <see cref="HuiqiDatabase"/> first.
/// </summary>
public sealed class TaskLedgerDatabase(string? connection)
    : PartDatabase<TaskLedgerDbContext>(connection, TaskLedgerDbContext.HistoryTable)
{
    public override TaskLedgerDbContext CreateDbContext() => new(Options);
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql).</summary>
internal sealed class TaskLedgerDesignTimeFactory() : DesignTimeFactory<TaskLedgerDbContext>(c => new TaskLedgerDatabase(c));
