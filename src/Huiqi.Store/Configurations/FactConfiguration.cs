using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huiqi.Store.Configurations;

/// <summary>
/// What every fact table shares: its own table, a surrogate id, the enterprise it belongs to (deleted with it), and the
/// unique natural key that makes imports idempotent. Column types are left to the provider (no HasColumnType), so
/// one set of migrations serves SQLite and PostgreSQL; money is decimal(20,2), rates and figures decimal(24,6).
/// </summary>
internal abstract class FactConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : FactRow
{
    public const int Money = 2;
    public const int Fine = 6;

    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(400).IsRequired();
        builder.HasIndex(r => new { r.EnterpriseId, r.Key }).IsUnique();
        builder.HasOne(r => r.Enterprise).WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        ConfigureFact(builder);
    }

    protected abstract void ConfigureFact(EntityTypeBuilder<T> builder);

    /// <summary>
    /// The columns of a section's fields, by their kind in the contract's table: words and codes short and required, free
    /// text up to 200 characters, money and areas to the fen, rates to six places. Series are rows of their own.
    /// </summary>
    protected static void Fields(EntityTypeBuilder<T> b, FactSection section)
    {
        foreach (var field in section.Fields)
        {
            if (FactSection.IsSeries(field.Kind))
            {
                continue;
            }

            var p = b.Property(FactColumns.Property(section, field));
            switch (field.Kind)
            {
                case FieldKind.Word or FieldKind.Clause:
                    p.HasMaxLength(64).IsRequired();
                    break;
                case FieldKind.Code:
                    p.HasMaxLength(100).IsRequired();
                    break;
                case FieldKind.Uscc:
                    p.HasMaxLength(18).IsRequired();
                    break;
                case FieldKind.Text:
                    p.HasMaxLength(200);
                    break;
                case FieldKind.Money or FieldKind.Area:
                    p.HasPrecision(20, Money);
                    break;
                case FieldKind.Rate:
                    p.HasPrecision(24, Fine);
                    break;
            }
        }
    }

    /// <summary>A code or vocabulary word: short, required.</summary>
    protected static void Word<TProperty>(PropertyBuilder<TProperty> p, int length = 64) => p.HasMaxLength(length).IsRequired();
}
