using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Also named in the dispatcher's SQL.</summary>
    public const string Table = "outbox_messages";

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable(Table);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.MessageId).HasMaxLength(250);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.Kind).HasMaxLength(50);
        b.Property(m => m.Recipient).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // What the dispatcher looks for: due pending messages and expired claims.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}
