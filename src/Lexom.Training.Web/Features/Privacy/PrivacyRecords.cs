using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G3: the privacy state of a client (and of its contact and participants): objection to marketing e-mails, restriction
/// of processing (frozen: shown on every staff screen about the client, writes refused except legal obligations), and
/// the day it was anonymised (G1's retention or an erasure). One row per client, created when first needed.
/// </summary>
public sealed class ClientPrivacy
{
    public Guid ClientId { get; set; }

    /// <summary>G3: no marketing-type e-mail (the proposal reminders) is sent to this client.</summary>
    public bool MarketingObjection { get; set; }

    public DateTimeOffset? RestrictedSince { get; set; }
    public string? RestrictionReason { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
}

/// <summary>G3: the rights a person can exercise.</summary>
public enum PrivacyRequestKind
{
    Access,
    Rectification,
    Objection,
    Restriction,
    Erasure,
}

public enum PrivacyRequestStatus
{
    Open,
    Done,
    Refused,
}

/// <summary>
/// G3: a request about a person's data, logged with the day it was received, the legal deadline (one month, art. 12.3
/// RGPD), the answer's day, who answered and the outcome. Requests the client makes in the client space and those the
/// staff record (received by mail or by e-mail to the DPO) are the same rows.
/// </summary>
public sealed class PrivacyRequest
{
    public Guid Id { get; set; }
    public Guid ClientId { get; set; }
    public PrivacyRequestKind Kind { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string Details { get; set; } = "";
    public PrivacyRequestStatus Status { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public Guid? AnsweredBy { get; set; }
    public string? Outcome { get; set; }

    /// <summary>Art. 12.3 RGPD: an answer within one month of receipt.</summary>
    public DateOnly DueOn => DueFor(ReceivedOn);

    public static DateOnly DueFor(DateOnly receivedOn) => receivedOn.AddMonths(1);

    public bool IsOverdue(DateOnly today) => Status == PrivacyRequestStatus.Open && today > DueOn;

    public void Answer(DateOnly on, Guid? by, PrivacyRequestStatus status, string outcome)
    {
        if (Status != PrivacyRequestStatus.Open) throw new DomainException("Cette demande a déjà reçu sa réponse.", "G3");
        Status = status;
        AnsweredOn = on;
        AnsweredBy = by;
        Outcome = outcome.Length > 1000 ? outcome[..1000] : outcome;
    }
}

/// <summary>Marks the work of the privacy flows (anonymisation, restriction itself): a legal obligation, never refused by a restriction.</summary>
public static class PrivacyGuard
{
    /// <summary>The rule id of the refusal (a <see cref="DomainException"/> with it is shown as a message, never an error page).</summary>
    public const string RuleId = "G3";

    public const string RestrictedMessage = "Le traitement des données de ce client est limité (demande RGPD) : aucune modification n'est possible, sauf obligation légale (factures, paiements). Un administrateur peut lever la limitation (/gestion/rgpd).";

    /// <summary>A write refused because the client's processing is restricted (G3).</summary>
    public static DomainException Refusal() => new(RestrictedMessage, RuleId);

    private static readonly AsyncLocal<bool> Current = new();

    public static bool IsLegalObligation => Current.Value;

    public static IDisposable LegalObligation()
    {
        var previous = Current.Value;
        Current.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

internal sealed class ClientPrivacyConfiguration : IEntityTypeConfiguration<ClientPrivacy>
{
    public void Configure(EntityTypeBuilder<ClientPrivacy> b)
    {
        b.ToTable("client_privacy");
        b.HasKey(p => p.ClientId);
        b.HasOne<Client>().WithOne().HasForeignKey<ClientPrivacy>(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.RestrictionReason).HasMaxLength(1000);
    }
}

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> b)
    {
        b.ToTable("privacy_requests");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Details).HasMaxLength(2000);
        b.Property(r => r.Outcome).HasMaxLength(1000);
        b.Ignore(r => r.DueOn);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Data.AppUser>().WithMany().HasForeignKey(r => r.AnsweredBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.Status, r.ReceivedOn });
        b.HasIndex(r => r.ClientId);
    }
}
