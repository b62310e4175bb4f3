using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Data.Configurations;

internal sealed class SessionAttestationConfiguration : IEntityTypeConfiguration<SessionAttestation>
{
    public void Configure(EntityTypeBuilder<SessionAttestation> b)
    {
        b.ToTable("session_attestations");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ParticipantName).HasMaxLength(200);
        b.HasOne<CourseSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        // One attestation per participant and session: a second close cannot issue another.
        b.HasIndex(a => new { a.SessionId, a.ParticipantId }).IsUnique();
    }
}
