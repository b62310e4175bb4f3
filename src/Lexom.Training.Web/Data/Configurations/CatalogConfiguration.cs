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
    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.Property(s => s.Place).HasMaxLength(300);
        b.Ignore(s => s.SeatsLeft);
        b.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.CourseId, s.StartsOn });
    }
}
