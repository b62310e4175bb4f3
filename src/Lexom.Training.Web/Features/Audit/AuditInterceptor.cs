using System.Text.Json;
using System.Text.Json.Nodes;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>
/// G2: every change of an audited entity (clients, requests, proposals and their participants, orders and their parts,
/// invoices and payments, stored files, settings such as the late-interest and VAT rates, users and their roles, the
/// privacy records) is written to <c>audit_entries</c> in the same <c>SaveChanges</c>, with the before/after of the changed
/// fields. Never stored: password hashes and stamps, file bytes, row versions. Also G3's restriction: a save that changes a
/// restricted client's data is refused (<see cref="PrivacyGuard.Refusal"/>) unless it is a legal obligation
/// (an invoice or a payment, LW5; the privacy flows themselves, <see cref="PrivacyGuard.LegalObligation"/>).
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxValueLength = 500;

    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), "Content", "xmin",
    };

    private static readonly HashSet<Type> WebAudited =
    [
        typeof(StoredFile), typeof(LateInterestRateRow), typeof(Data.Configurations.VatRateRow), typeof(AppUser), typeof(IdentityUserRole<Guid>),
        typeof(SessionAttestation), typeof(ClientPrivacy), typeof(PrivacyRequest),
    ];

    /// <summary>Entities whose change never falls under a restriction: accounting (LW5), accounts, the privacy records.</summary>
    private static readonly HashSet<Type> LegalObligations =
    [
        typeof(Domain.Orders.Invoice), typeof(Domain.Orders.Payment), typeof(StoredFile), typeof(AppUser), typeof(IdentityUserRole<Guid>),
        typeof(ClientPrivacy), typeof(PrivacyRequest), typeof(AuditLogEntry), typeof(Email.OutboxMessage),
    ];

    public static bool IsAudited(Type type) =>
        WebAudited.Contains(type) || (type.Namespace?.StartsWith("Lexom.Training.Domain", StringComparison.Ordinal) ?? false);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var lines = Collect(context, out var touched, out var accounting);
            var restricted = RestrictedAmong(context, touched, accounting);
            if (restricted.Count > 0) throw PrivacyGuard.Refusal();
            context.Set<AuditLogEntry>().AddRange(lines);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var lines = Collect(context, out var touched, out var accounting);
            if (!accounting && touched.Count > 0 && !PrivacyGuard.IsLegalObligation)
            {
                var ids = touched.ToList();
                if (await context.Set<ClientPrivacy>().AsNoTracking().AnyAsync(p => ids.Contains(p.ClientId) && p.RestrictedSince != null, cancellationToken))
                    throw PrivacyGuard.Refusal();
            }
            context.Set<AuditLogEntry>().AddRange(lines);
        }
        return result;
    }

    private static List<Guid> RestrictedAmong(DbContext context, HashSet<Guid> touched, bool accounting)
    {
        if (accounting || touched.Count == 0 || PrivacyGuard.IsLegalObligation) return [];
        var ids = touched.ToList();
        return context.Set<ClientPrivacy>().AsNoTracking().Where(p => ids.Contains(p.ClientId) && p.RestrictedSince != null).Select(p => p.ClientId).ToList();
    }

    /// <summary>The audit lines of the pending changes; <paramref name="touched"/>: the clients whose data a non-exempt change touches.</summary>
    private List<AuditLogEntry> Collect(DbContext context, out HashSet<Guid> touched, out bool accounting)
    {
        touched = [];
        accounting = false;
        var lines = new List<AuditLogEntry>();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType))
            .ToList();
        if (entries.Count == 0) return lines;
        var actor = AuditActor.Of(http.HttpContext);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var clientId = ClientOf(context, entry, 0);
            var type = entry.Metadata.ClrType;
            if (type == typeof(Domain.Orders.Invoice) || type == typeof(Domain.Orders.Payment)) accounting = true;
            if (clientId is { } c && !LegalObligations.Contains(type)) touched.Add(c);
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Changed,
            };
            lines.Add(actor.Entry(now, action, EntityName(entry.Metadata), KeyOf(entry), clientId, changes.ToJsonString()));
        }
        return lines;
    }

    /// <summary>"Order", "Order.Participant", "AppUser"…</summary>
    public static string EntityName(IEntityType type) =>
        type.ClrType == typeof(IdentityUserRole<Guid>) ? "UserRole"
        : type.IsOwned() && type.FindOwnership() is { } o ? EntityName(o.PrincipalEntityType) + "." + type.ClrType.Name
        : type.ClrType.Name;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        var parts = key.Properties.Select(p => entry.Property(p.Name)).Select(p => p.IsTemporary ? "nouveau" : Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return AuditActor.Cut(string.Join(",", parts), 100)!;
    }

    /// <summary>The client the entity belongs to: itself, its ClientId, or that of the tracked owner/principal (no read).</summary>
    private static Guid? ClientOf(DbContext context, EntityEntry entry, int depth)
    {
        if (entry.Entity is Domain.Clients.Client client) return client.Id;
        if (entry.Metadata.FindProperty("ClientId") is { } p && entry.Property(p.Name).CurrentValue is Guid id) return id;
        if (depth > 3) return null;
        foreach (var fk in entry.Metadata.GetForeignKeys())
        {
            var values = fk.Properties.Select(x => entry.Property(x.Name).CurrentValue).ToArray();
            if (values.Any(v => v is null)) continue;
            var principal = context.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == fk.PrincipalEntityType
                && fk.PrincipalKey.Properties.Select(k => e.Property(k.Name).CurrentValue).SequenceEqual(values));
            if (principal is not null && ClientOf(context, principal, depth + 1) is { } found) return found;
        }
        return null;
    }

    /// <summary>Modified: the changed fields' before/after. Added: the values. Deleted: the values before.</summary>
    private static JsonObject Changes(EntityEntry entry)
    {
        var json = new JsonObject();
        foreach (var p in entry.Properties) Add(json, p.Metadata.Name, p, entry.State);
        foreach (var complex in entry.ComplexProperties)
            foreach (var p in complex.Properties) Add(json, complex.Metadata.Name + "." + p.Metadata.Name, p, entry.State);
        return json;
    }

    private static void Add(JsonObject json, string name, PropertyEntry p, EntityState state)
    {
        if (Secret.Contains(p.Metadata.Name) || p.Metadata.ClrType == typeof(byte[]) || p.Metadata.IsConcurrencyToken) return;
        switch (state)
        {
            case EntityState.Modified when p.IsModified && !Equals(Provider(p.Metadata, p.OriginalValue), Provider(p.Metadata, p.CurrentValue)):
                json[name] = new JsonObject { ["avant"] = Value(p.Metadata, p.OriginalValue), ["après"] = Value(p.Metadata, p.CurrentValue) };
                break;
            case EntityState.Added when !p.IsTemporary:
                json[name] = Value(p.Metadata, p.CurrentValue);
                break;
            case EntityState.Deleted:
                json[name] = Value(p.Metadata, p.OriginalValue);
                break;
        }
    }

    private static object? Provider(IProperty property, object? value) =>
        value is null ? null : property.GetTypeMapping().Converter is { } c ? c.ConvertToProvider(value) : value;

    private static JsonValue? Value(IProperty property, object? value)
    {
        var plain = Provider(property, value);
        return plain switch
        {
            null => null,
            string s => JsonValue.Create(AuditActor.Cut(s, MaxValueLength)),
            bool b => JsonValue.Create(b),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            decimal m => JsonValue.Create(m),
            Guid g => JsonValue.Create(g.ToString()),
            DateTimeOffset d => JsonValue.Create(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(AuditActor.Cut(JsonSerializer.Serialize(plain), MaxValueLength)),
        };
    }
}
