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
        b.HasIndex(a => a.StoredFileId);
    }
}

internal sealed class SessionConvocationConfiguration : IEntityTypeConfiguration<SessionConvocation>
{
    public void Configure(EntityTypeBuilder<SessionConvocation> b)
    {
        b.ToTable("session_convocations");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.ParticipantName).HasMaxLength(200);
        b.Property(c => c.Recipient).HasMaxLength(Participant.EmailMaxLength);
        b.Property(c => c.Uid).HasMaxLength(200);
        b.Ignore(c => c.NextSequence);
        b.HasOne<CourseSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One convocation row per participant and session: each version is sent once.
        b.HasIndex(c => new { c.SessionId, c.ParticipantId }).IsUnique();
    }
}
