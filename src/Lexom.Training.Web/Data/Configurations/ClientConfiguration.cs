using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Features.ProposalRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Siret).HasMaxLength(14);
        b.Property(c => c.VatNumber).HasMaxLength(16);
        b.Property(c => c.ContactName).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.NormalizedEmail).HasMaxLength(254);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Ignore(c => c.Siren);
        b.ComplexProperty(c => c.BillingAddress, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200).HasColumnName("billing_line1");
            a.Property(x => x.Line2).HasMaxLength(200).HasColumnName("billing_line2");
            a.Property(x => x.PostalCode).HasMaxLength(5).HasColumnName("billing_postal_code");
            a.Property(x => x.City).HasMaxLength(100).HasColumnName("billing_city");
        });
        // No duplicates: a company is its SIRET, a private individual their e-mail.
        b.HasIndex(c => c.Siret).IsUnique().HasFilter("siret IS NOT NULL");
        b.HasIndex(c => c.NormalizedEmail).IsUnique().HasFilter("kind = 'PrivateIndividual'");
        b.HasIndex(c => c.Name);
        // The staff proposal list's client search (ILIKE '%…%'): a trigram GIN index (pg_trgm).
        b.HasIndex(c => c.Name, "NameTrgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_clients_name_trgm");
    }
}

internal sealed class ProposalRequestConfiguration : IEntityTypeConfiguration<ProposalRequest>
{
    public void Configure(EntityTypeBuilder<ProposalRequest> b)
    {
        b.Property(r => r.CourseReference).HasMaxLength(Course.ReferenceMaxLength);
        b.Property(r => r.Training).HasJsonConversion();
        b.Property(r => r.ClosingReason).HasMaxLength(500);
        b.Property<Guid>(RequestHandler.SubmissionKey);
        b.HasIndex(RequestHandler.SubmissionKey).IsUnique();
        b.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.HandledBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.Status, r.ReceivedAt });
        b.HasIndex(r => r.ClientId);
    }
}
