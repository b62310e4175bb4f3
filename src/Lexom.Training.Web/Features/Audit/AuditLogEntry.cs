using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>What an audit line records (G2). Stored as text.</summary>
public enum AuditAction
{
    Viewed,
    Downloaded,
    Created,
    Changed,
    Deleted,
    Exported,
    Anonymised,
    Restricted,
    Purged,
}

/// <summary>
/// G2: one line of the audit trail (<c>audit_entries</c>): who (user id, e-mail, role), when (the injected clock), from
/// where (IP as forwarded by the trusted proxies, user agent), what (action, entity type and id, the client when known),
/// and for a change the before/after of the changed fields as <c>jsonb</c>. Append-only: a trigger refuses UPDATE, TRUNCATE
/// and any DELETE but the retention purge's (see ADR-0005).
/// </summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    public string? UserRole { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public Guid? ClientId { get; set; }

    /// <summary>For a change: <c>{"Field": {"avant": …, "après": …}}</c>; for a creation or deletion, the values; else null.</summary>
    public string? Changes { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public const string Table = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditLogEntry> b)
    {
        b.ToTable(Table);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.UserEmail).HasMaxLength(256);
        b.Property(e => e.UserRole).HasMaxLength(50);
        b.Property(e => e.IpAddress).HasMaxLength(45);
        b.Property(e => e.UserAgent).HasMaxLength(500);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.EntityType).HasMaxLength(60);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.Changes).HasColumnType("jsonb");
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ClientId, e.At });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.UserId);
    }
}
