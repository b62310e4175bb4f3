using Lexom.Training.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Lexom.Training.Web.Data.Configurations;

internal sealed class CatalogDomainConfiguration : IEntityTypeConfiguration<CatalogDomain>
{
    public void Configure(EntityTypeBuilder<CatalogDomain> b)
    {
        b.Property(d => d.Name).HasMaxLength(CatalogDomain.NameMaxLength);
        b.Property(d => d.Slug).HasMaxLength(120);
        b.HasIndex(d => d.Slug).IsUnique();
        b.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    /// <summary>The shadow tsvector column behind the catalog search.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(c => c.Reference).HasMaxLength(Course.ReferenceMaxLength);
        b.HasIndex(c => c.Reference).IsUnique();
        // The catalog search's « reference starts with » (LIKE 'X%') beside the full-text match: with this index PostgreSQL
        // ORs two bitmap scans instead of reading every course (docs/performance.md, EXPLAIN ANALYZE: 97 ms → 9 ms).
        b.HasIndex(c => c.Reference, "ReferencePattern").HasOperators("varchar_pattern_ops").HasDatabaseName("ix_courses_reference_pattern");
        b.Property(c => c.Title).HasMaxLength(Course.TitleMaxLength);
        b.Property(c => c.DurationDays).HasPrecision(5, 1);
        b.Property(c => c.DurationHours).HasPrecision(6, 1);
        b.Property(c => c.Objectives).HasJsonConversion();
        b.Property(c => c.Programme).HasJsonConversion();
        b.Property(c => c.PedagogicalMethods).HasJsonConversion();
        b.Property(c => c.EvaluationMethods).HasJsonConversion();
        b.HasOne<CatalogDomain>().WithMany().HasForeignKey(c => c.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Status, c.DomainId });
        b.Ignore(c => c.OffersInter);
        b.Ignore(c => c.OffersIntra);
        b.Ignore(c => c.IsPublished);
        // French full-text search, accent-insensitive: SearchText is already folded (no accents),
        // the query terms are folded the same way (Slugs.Fold) before plainto_tsquery('french', …).
        b.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('french'::regconfig, coalesce(search_text, ''))", stored: true);
        b.HasIndex(SearchVector).HasMethod("GIN");
        b.Property<uint>("Version").IsRowVersion();
    }
}

internal sealed class CourseSessionConfiguration : IEntityTypeConfiguration<CourseSession>
{
    /// <summary>The exclusion constraint that keeps a trainer out of two sessions sharing a day (needs btree_gist).</summary>
    public const string TrainerExclusion = "ex_course_sessions_trainer_days";

    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.Property(s => s.Place).HasMaxLength(CourseSession.PlaceMaxLength);
        b.Property(s => s.CourseReference).HasMaxLength(Course.ReferenceMaxLength);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(s => s.SeatsLeft);
        b.Ignore(s => s.Days);
        b.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lexom.Training.Domain.Clients.Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.TrainerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CourseId, s.StartsOn });
        b.HasIndex(s => new { s.TrainerId, s.StartsOn });
        b.ToTable(t => t.HasCheckConstraint("ck_course_sessions_seats", "seats_taken >= 0 AND seats_taken <= capacity"));
        b.HasMany(s => s.Enrolments).WithOne().HasForeignKey("SessionId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Enrolments).HasField("_enrolments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SessionEnrolmentConfiguration : IEntityTypeConfiguration<SessionEnrolment>
{
    public void Configure(EntityTypeBuilder<SessionEnrolment> b)
    {
        b.ToTable("session_enrolments");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ParticipantName).HasMaxLength(200);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        // A participant sits in one session at most.
        b.HasIndex(e => e.ParticipantId).IsUnique();
        b.HasIndex(e => e.OrderId);
        b.HasOne<Lexom.Training.Domain.Orders.Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
