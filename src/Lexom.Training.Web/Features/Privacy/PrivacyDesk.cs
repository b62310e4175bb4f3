using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G3: the person's rights, for the client space and the staff. Each action logs its <see cref="PrivacyRequest"/> (answered
/// at once when it is done at once: export, rectification, objection), saves once, and is written to the audit trail
/// (by <see cref="AuditInterceptor"/>, plus an explicit line for an export or an anonymisation).
/// </summary>
public sealed class PrivacyDesk(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, PersonalDataExport export)
{
    private AuditActor Actor => AuditActor.Of(http.HttpContext);

    private Guid? UserId => Actor.UserId;

    /// <summary>The zip of the client's data; the export is logged as an access request answered the same day.</summary>
    public async Task<byte[]> ExportAsync(Guid clientId, CancellationToken ct)
    {
        var zip = await export.ZipAsync(clientId, ct);
        var today = clock.Today();
        var request = New(clientId, PrivacyRequestKind.Access, "Export des données (JSON et CSV).", today);
        request.Answer(today, UserId, PrivacyRequestStatus.Done, "Export téléchargé.");
        db.Add(Actor.Entry(clock.GetUtcNow(), AuditAction.Exported, "Client", clientId.ToString(), clientId, detail: "Export RGPD des données personnelles (zip JSON + CSV)"));
        using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
        return zip;
    }

    /// <summary>G3 rectification: the contact's name, phone and address; the rest (company name, e-mail) through a request.</summary>
    public async Task<string?> RectifyAsync(Guid clientId, RectificationForm form, CancellationToken ct)
    {
        var client = await db.Clients.SingleAsync(c => c.Id == clientId, ct);
        try
        {
            var contact = form.ContactName!.Trim();
            client.Update(client.Kind == PayerKind.PrivateIndividual ? contact : client.Name, client.VatNumber, contact, client.Email, form.Phone,
                new PostalAddress(form.AddressLine1 ?? "", form.AddressLine2, form.PostalCode ?? "", form.City ?? ""));
            var today = clock.Today();
            New(clientId, PrivacyRequestKind.Rectification, "Coordonnées corrigées dans l'espace client.", today)
                .Answer(today, UserId, PrivacyRequestStatus.Done, "Corrigé par la personne elle-même.");
            // The person's own right: allowed even while their processing is restricted.
            using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>G3 objection to marketing e-mails (or its withdrawal); recorded and answered at once.</summary>
    public async Task SetObjectionAsync(Guid clientId, bool objects, CancellationToken ct)
    {
        var privacy = await StateAsync(clientId, ct);
        privacy.MarketingObjection = objects;
        var today = clock.Today();
        New(clientId, PrivacyRequestKind.Objection, objects ? "Opposition aux e-mails commerciaux." : "Retrait de l'opposition aux e-mails commerciaux.", today)
            .Answer(today, UserId, PrivacyRequestStatus.Done, objects ? "Plus aucun e-mail commercial (rappels de proposition)." : "E-mails commerciaux de nouveau permis.");
        using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
    }

    /// <summary>A request the client writes or the staff record; answered later by an administrator.</summary>
    public async Task<Guid> LogAsync(Guid clientId, PrivacyRequestForm form, CancellationToken ct)
    {
        var today = clock.Today();
        var received = form.ReceivedOn is { } on && on <= today ? on : today;
        var request = New(clientId, PrivacyText.Keys[form.Type!], (form.Details ?? "").Trim(), received);
        using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
        return request.Id;
    }

    /// <summary>G3 restriction: frozen from now (writes refused, banner shown), or lifted.</summary>
    public async Task SetRestrictionAsync(Guid clientId, bool restricted, string? reason, CancellationToken ct)
    {
        var privacy = await StateAsync(clientId, ct);
        privacy.RestrictedSince = restricted ? clock.GetUtcNow() : null;
        privacy.RestrictionReason = restricted ? (reason is { Length: > 1000 } r ? r[..1000] : reason) : null;
        db.Add(Actor.Entry(clock.GetUtcNow(), AuditAction.Restricted, "Client", clientId.ToString(), clientId,
            detail: restricted ? "Traitement limité : " + reason : "Limitation levée"));
        using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
    }

    /// <summary>G3 erasure: refused while an order is open or money is due; otherwise the client is anonymised (G1's exception, LW5).</summary>
    public async Task<string?> EraseAsync(Guid clientId, CancellationToken ct)
    {
        if (await Anonymiser.BlockerAsync(db, clientId, ct) is { } blocker) return blocker;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Anonymiser.AnonymiseAsync(db, clientId, Actor, clock.GetUtcNow(), "Effacement demandé (G3)", ct))
            return "Ce client est déjà anonymisé.";
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>An administrator's answer to a request; for an erasure or a restriction « traitée » applies it first.</summary>
    public async Task<string?> AnswerAsync(Guid requestId, PrivacyAnswerForm form, CancellationToken ct)
    {
        var request = await db.Set<PrivacyRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return "Demande introuvable.";
        if (request.Status != PrivacyRequestStatus.Open) return "Cette demande a déjà reçu sa réponse.";
        if (!form.Refused && request.Kind == PrivacyRequestKind.Erasure && await EraseAsync(request.ClientId, ct) is { } refused) return refused;
        if (!form.Refused && request.Kind == PrivacyRequestKind.Restriction) await SetRestrictionAsync(request.ClientId, true, request.Details, ct);
        request.Answer(clock.Today(), UserId, form.Refused ? PrivacyRequestStatus.Refused : PrivacyRequestStatus.Done, form.Outcome!.Trim());
        using (PrivacyGuard.LegalObligation()) await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<ClientPrivacy> StateAsync(Guid clientId, CancellationToken ct)
    {
        var privacy = await db.Set<ClientPrivacy>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);
        if (privacy is not null) return privacy;
        privacy = new ClientPrivacy { ClientId = clientId };
        db.Add(privacy);
        return privacy;
    }

    private PrivacyRequest New(Guid clientId, PrivacyRequestKind kind, string details, DateOnly receivedOn)
    {
        var request = new PrivacyRequest
        {
            Id = Guid.NewGuid(), ClientId = clientId, Kind = kind, ReceivedOn = receivedOn, Details = details.Length > 2000 ? details[..2000] : details,
            Status = PrivacyRequestStatus.Open,
        };
        db.Add(request);
        return request;
    }
}
