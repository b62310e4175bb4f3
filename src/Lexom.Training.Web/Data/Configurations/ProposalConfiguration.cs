using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Data.Configurations;

/// <summary>
/// The proposal aggregate: <c>proposals</c> (course snapshot and sessions as jsonb), <c>proposal_lines</c>
/// and <c>proposal_participants</c> in the order they were typed (a shadow <c>position</c>).
/// </summary>
internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    /// <summary>Shadow columns the web keeps beside the domain's state.</summary>
    public const string CreatedBy = "CreatedBy";
    public const string RequestId = "RequestId";
    public const string CourseReference = "CourseReference";
    public const string CourseTitle = "CourseTitle";
    public const string Version = "RowVersion";
    public const string Position = "Position";

    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Number).HasMaxLength(30);
        b.HasIndex(p => p.Number).IsUnique(); // LW4: a number (with its version suffix) is never given twice
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Course).HasJsonConversion().HasColumnName("course");
        // The title of the course as proposed, kept by PostgreSQL beside the snapshot: the list reads it without the whole JSON.
        b.Property<string>(CourseTitle).HasComputedColumnSql("course ->> 'Title'", stored: true);
        b.Property(p => p.Place).HasMaxLength(300);
        b.Property(p => p.BillingAddress).HasMaxLength(500);
        b.Property(p => p.CgvVersion).HasMaxLength(50);
        b.Property(p => p.PriceScopeStatement).HasMaxLength(500);
        b.Property(p => p.DepositRate).HasPrecision(5, 2);
        b.Property(p => p.VatRate).HasPrecision(5, 2);
        b.Ignore(p => p.Version);
        b.Ignore(p => p.PlannedSessionCount);
        b.Ignore(p => p.Totals);
        b.Ignore(p => p.Deposit);
        b.Ignore(p => p.Sessions);
        b.Property<List<SessionDates>>("_sessions").HasJsonConversion().HasColumnName("sessions");

        b.HasMany(p => p.Lines).WithOne().HasForeignKey("ProposalId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Participants).WithOne().HasForeignKey("ProposalId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(p => p.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(p => p.SupersededById).OnDelete(DeleteBehavior.Restrict);

        // Who prepared it (the sales person of the list), the request it answers, the course reference for filters.
        b.Property<Guid?>(CreatedBy);
        b.HasOne<AppUser>().WithMany().HasForeignKey(CreatedBy).OnDelete(DeleteBehavior.SetNull);
        b.Property<Guid?>(RequestId);
        b.HasOne<ProposalRequest>().WithMany().HasForeignKey(RequestId).OnDelete(DeleteBehavior.SetNull);
        // One draft at a time per request: a double click on « Préparer la proposition » prepares one.
        b.HasIndex(RequestId).IsUnique().HasFilter("request_id IS NOT NULL AND status = 'Draft'");
        b.Property<string>(CourseReference).HasMaxLength(Course.ReferenceMaxLength).IsRequired();
        b.HasIndex(CourseReference);
        // The staff list's text searches (ILIKE '%…%'): trigram GIN indexes (pg_trgm, created by AddTrigramSearchIndexes).
        b.HasIndex([CourseReference], "CourseReferenceTrgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_proposals_course_reference_trgm");
        b.HasIndex(p => p.Number, "NumberTrgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_proposals_number_trgm");
        // A search that begins like a number (« DEV-2026-… ») is a prefix LIKE: a btree with pattern operators (the database's
        // collation is not C).
        b.HasIndex(p => p.Number, "NumberPattern").HasOperators("varchar_pattern_ops").HasDatabaseName("ix_proposals_number_pattern");
        b.HasIndex(p => new { p.Status, p.IssuedOn });
        b.HasIndex(p => p.ClientId);
        b.Property<uint>(Version).IsRowVersion();
    }
}

internal sealed class ProposalLineConfiguration : IEntityTypeConfiguration<ProposalLine>
{
    public void Configure(EntityTypeBuilder<ProposalLine> b)
    {
        b.ToTable("proposal_lines");
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Description).HasMaxLength(500);
        b.Property(l => l.Quantity).HasPrecision(10, 2);
        b.Ignore(l => l.AmountHt);
        b.Property<int>(ProposalConfiguration.Position);
    }
}

internal sealed class ProposalParticipantConfiguration : IEntityTypeConfiguration<ProposalParticipant>
{
    public void Configure(EntityTypeBuilder<ProposalParticipant> b)
    {
        b.ToTable("proposal_participants");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Ignore(p => p.IsPlaceholder);
        b.Property<int>(ProposalConfiguration.Position);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("document_counters");
        b.HasKey(c => new { c.Kind, c.Year });
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class VatRateRowConfiguration : IEntityTypeConfiguration<VatRateRow>
{
    public void Configure(EntityTypeBuilder<VatRateRow> b)
    {
        b.ToTable("vat_rates");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.RatePoints).HasPrecision(5, 2);
        // M1: the normal rate in France, 20 % since 1 January 2014.
        b.HasData(new VatRateRow { Id = 1, RatePoints = 20m, ValidFrom = new DateOnly(2014, 1, 1) });
    }
}

/// <summary>LW4: the last number given for a kind of document in a year (see <see cref="DocumentNumbering"/>).</summary>
public sealed class DocumentCounter
{
    public DocumentKind Kind { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>M1: one VAT rate and the days it is in force (<see cref="ValidUntil"/> inclusive, null = still in force).</summary>
public sealed class VatRateRow
{
    public int Id { get; set; }
    public decimal RatePoints { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
}
