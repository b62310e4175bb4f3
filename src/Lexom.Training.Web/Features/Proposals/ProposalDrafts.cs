using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>The write side of drafts: prepared from a request, edited, re-issued as a new version (P3).</summary>
public sealed class ProposalDrafts(AppDbContext db, TimeProvider clock, IOptions<LexomOptions> options, ILogger<ProposalDrafts> logger)
{
    public const string ConcurrencyMessage = "Cette proposition a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rechargez la page pour voir sa version actuelle.";

    /// <summary>Loads the aggregate with its lines and participants in their order.</summary>
    public static Task<Proposal?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Proposals
            .Include(p => p.Lines.OrderBy(l => EF.Property<int>(l, ProposalConfiguration.Position)))
            .Include(p => p.Participants.OrderBy(x => EF.Property<int>(x, ProposalConfiguration.Position)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Keeps the lines and participants in the order the domain holds them.</summary>
    public static void KeepOrder(AppDbContext db, Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        for (var i = 0; i < proposal.Lines.Count; i++)
            db.Entry(proposal.Lines[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
        for (var i = 0; i < proposal.Participants.Count; i++)
            db.Entry(proposal.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
    }

    /// <summary>M4: the deposit-rate setting (Lexom:DepositRate, 30 by default).</summary>
    public Percentage DepositRate => Percentage.Of(options.Value.DepositRate);

    /// <summary>
    /// « Préparer la proposition »: a draft from the request, priced from the catalog (INTER per participant,
    /// INTRA per day), with the names given and "à confirmer" for the others (P1), and P2's sessions.
    /// One draft per request: a second click opens the same draft.
    /// </summary>
    public async Task<ProposalResult> CreateFromRequestAsync(Guid requestId, Guid salesPersonId, CancellationToken ct)
    {
        var request = await db.ProposalRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return ProposalResult.Missing;
        if (await DraftOfAsync(requestId, ct) is { } existing) return ProposalResult.Ok(existing);
        if (request.Status == RequestStatus.Closed) return ProposalResult.Refused("Cette demande est classée : elle ne donne plus lieu à une proposition.");

        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == request.CourseId, ct);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == request.ClientId, ct);
        var t = request.Training;
        try
        {
            var draft = Proposal.Draft(Guid.NewGuid(), client.Kind, SalesChannel.Staff, t.Kind, Snapshot(course), DepositRate, clock.Today(), client.Id);
            foreach (var name in t.ParticipantNames) draft.AddParticipant(Guid.NewGuid(), name);
            for (var i = t.ParticipantNames.Count; i < t.ParticipantCount; i++) draft.AddParticipant(Guid.NewGuid(), null); // P1: « à confirmer »
            PriceFromCatalog(draft, course, t.ParticipantCount);

            string? place = t.Kind == TrainingKind.Intra ? t.Place : null;
            if (t.SessionId is { } sessionId && await db.CourseSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct) is { } chosen)
            {
                draft.AddSession(chosen.StartsOn, chosen.EndsOn);
                place = chosen.Place;
            }
            else if (t.WishedStart is { } start)
            {
                draft.AddSession(start, start.AddDays(Math.Max(1, (int)Math.Ceiling(course.DurationDays)) - 1));
            }

            if (place is not null) draft.SetPlace(place);
            draft.SetBillingAddress(client.BillingAddress.ToString());
            if (request.Status == RequestStatus.New) request.TakeOn(salesPersonId);

            db.Proposals.Add(draft);
            var entry = db.Entry(draft);
            entry.Property<Guid?>(ProposalConfiguration.CreatedBy).CurrentValue = salesPersonId;
            entry.Property<Guid?>(ProposalConfiguration.RequestId).CurrentValue = request.Id;
            entry.Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
            KeepOrder(db, draft);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Brouillon de proposition {ProposalId} préparé depuis la demande {RequestId}", draft.Id, request.Id);
            return ProposalResult.Ok(draft.Id);
        }
        catch (DomainException ex)
        {
            return ProposalResult.Refused(ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two clicks at the same moment: the unique index kept one draft; open it.
            db.ChangeTracker.Clear();
            return await DraftOfAsync(requestId, ct) is { } other ? ProposalResult.Ok(other) : ProposalResult.Refused(ConcurrencyMessage);
        }
    }

    /// <summary>A draft from scratch for a client and a course, priced from the catalog; dates and place to fill in.</summary>
    public async Task<ProposalResult> CreateAsync(NewProposalForm form, Guid salesPersonId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.ClientId, ct);
        if (client is null) return ProposalResult.Refused("Ce client n'existe pas.");
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == form.CourseId, ct);
        if (course is null) return ProposalResult.Refused("Cette formation n'existe pas.");
        var kind = form.Format == "intra" ? TrainingKind.Intra : TrainingKind.Inter;
        if (kind == TrainingKind.Inter && !course.OffersInter) return ProposalResult.Refused("Cette formation n'a pas de prix INTER : choisissez INTRA.");
        if (kind == TrainingKind.Intra && !course.OffersIntra) return ProposalResult.Refused("Cette formation n'a pas de prix INTRA : choisissez INTER.");
        try
        {
            var draft = Proposal.Draft(Guid.NewGuid(), client.Kind, SalesChannel.Staff, kind, Snapshot(course), DepositRate, clock.Today(), client.Id);
            for (var i = 0; i < form.ParticipantCount!.Value; i++) draft.AddParticipant(Guid.NewGuid(), null); // P1: « à confirmer »
            PriceFromCatalog(draft, course, form.ParticipantCount.Value);
            draft.SetBillingAddress(client.BillingAddress.ToString());
            db.Proposals.Add(draft);
            var entry = db.Entry(draft);
            entry.Property<Guid?>(ProposalConfiguration.CreatedBy).CurrentValue = salesPersonId;
            entry.Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
            KeepOrder(db, draft);
            await db.SaveChangesAsync(ct);
            return ProposalResult.Ok(draft.Id);
        }
        catch (DomainException ex)
        {
            return ProposalResult.Refused(ex.Message);
        }
    }

    /// <summary>Saves the whole draft from its form: place, billing address, C3 cost, participants (P1), lines (M3), sessions (P2).</summary>
    public async Task<ProposalResult> SaveAsync(Guid id, ProposalForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var proposal = await LoadAsync(db, id, ct);
        if (proposal is null) return ProposalResult.Missing;
        db.Entry(proposal).Property<uint>(ProposalConfiguration.Version).OriginalValue = form.Version;
        try
        {
            proposal.SetPlace(form.Place ?? "");
            proposal.SetBillingAddress(form.BillingAddress ?? "");
            proposal.SetPreparationCost(Money.Euros(form.PreparationCost ?? 0m)); // C3

            foreach (var participant in proposal.Participants.ToList()) proposal.RemoveParticipant(participant.Id);
            var names = form.Names();
            foreach (var name in names) proposal.AddParticipant(Guid.NewGuid(), name);
            for (var i = names.Count; i < (form.ParticipantCount ?? names.Count); i++) proposal.AddParticipant(Guid.NewGuid(), null);

            foreach (var line in proposal.Lines.ToList()) proposal.RemoveLine(line.Id);
            foreach (var line in form.Lines.Where(l => !l.IsBlank))
                proposal.AddLine(Guid.NewGuid(), line.Description!, line.Quantity!.Value, Money.Euros(line.UnitPrice!.Value));

            proposal.ClearSessions();
            foreach (var session in form.Sessions.Where(s => !s.IsBlank).OrderBy(s => s.Start))
                proposal.AddSession(session.Start!.Value, session.End!.Value);

            KeepOrder(db, proposal);
            await db.SaveChangesAsync(ct);
            return ProposalResult.Ok(proposal.Id);
        }
        catch (DomainException ex)
        {
            return ProposalResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProposalResult.Refused(ConcurrencyMessage);
        }
    }

    /// <summary>P3: « Nouvelle version »: the proposal is superseded by a draft with the same number and the next version.</summary>
    public async Task<ProposalResult> ReissueAsync(Guid id, Guid salesPersonId, CancellationToken ct)
    {
        var proposal = await LoadAsync(db, id, ct);
        if (proposal is null) return ProposalResult.Missing;
        if (proposal.Status == ProposalStatus.Superseded && proposal.SupersededById is { } next)
            return ProposalResult.Ok(next); // a second click opens the version the first one made
        try
        {
            var draft = proposal.Reissue(Guid.NewGuid(), clock.Today());
            db.Proposals.Add(draft);
            var old = db.Entry(proposal);
            var entry = db.Entry(draft);
            entry.Property<Guid?>(ProposalConfiguration.CreatedBy).CurrentValue = salesPersonId;
            entry.Property<Guid?>(ProposalConfiguration.RequestId).CurrentValue = old.Property<Guid?>(ProposalConfiguration.RequestId).CurrentValue;
            entry.Property<string>(ProposalConfiguration.CourseReference).CurrentValue = old.Property<string>(ProposalConfiguration.CourseReference).CurrentValue;
            KeepOrder(db, draft);
            await db.SaveChangesAsync(ct);
            return ProposalResult.Ok(draft.Id);
        }
        catch (DomainException ex)
        {
            return ProposalResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProposalResult.Refused(ConcurrencyMessage);
        }
    }

    /// <summary>The catalog's price: INTER per participant; INTRA per day, for each of P2's sessions at the same price.</summary>
    private static void PriceFromCatalog(Proposal draft, Course course, int participants)
    {
        var sessions = draft.PlannedSessionCount; // P2: ceil(n / max)
        if (draft.TrainingKind == TrainingKind.Inter && course.InterPricePerParticipant is { } perParticipant)
        {
            draft.AddLine(Guid.NewGuid(), $"Formation {course.Reference} « {course.Title} » — INTER, {Duration(course)}, par participant",
                participants, Money.Euros(perParticipant));
        }
        else if (draft.TrainingKind == TrainingKind.Intra && course.IntraPricePerDay is { } perDay)
        {
            draft.AddLine(Guid.NewGuid(), $"Formation {course.Reference} « {course.Title} » — INTRA, {Duration(course)}{(sessions > 1 ? $" × {sessions} sessions" : "")}, par jour de formation",
                course.DurationDays * sessions, Money.Euros(perDay));
        }
    }

    /// <summary>The course content the proposal quotes, frozen at issue (P1, K1).</summary>
    public static CourseSnapshot Snapshot(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        // The snapshot counts whole days (1,5 day → 2 calendar days); the hours stay exact.
        return new CourseSnapshot(course.Title, course.Reference, course.Objectives, (int)Math.Ceiling(course.DurationDays), course.DurationHours,
            course.MaxParticipants, EvaluationMethods: course.EvaluationMethods.Count == 0 ? null : string.Join(" ; ", course.EvaluationMethods));
    }

    private static string Duration(Course course) =>
        $"{course.DurationDays.Number()} jour{(course.DurationDays > 1 ? "s" : "")} ({course.DurationHours.Number()} h)";

    private Task<Guid?> DraftOfAsync(Guid requestId, CancellationToken ct) =>
        db.Proposals.AsNoTracking()
            .Where(p => EF.Property<Guid?>(p, ProposalConfiguration.RequestId) == requestId && p.Status == ProposalStatus.Draft)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
}
