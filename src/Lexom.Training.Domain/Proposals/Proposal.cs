using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Proposals;

/// <summary>
/// A commercial proposal (devis): draft → issued → accepted / expired / declined / superseded.
/// </summary>
/// <remarks>
/// <para>Versions (P3): an issued, expired or declined proposal is re-issued with
/// <see cref="Reissue"/>: the old one becomes <see cref="ProposalStatus.Superseded"/> and a new draft
/// keeps the number with the next version suffix (<c>DEV-2026-000123</c> → <c>DEV-2026-000123-V2</c>),
/// ready to be edited and issued with a new issue date and so a new validity.</para>
/// <para>Issuing freezes the course content, the CGV version, the VAT rate and the M2 statement.</para>
/// </remarks>
public sealed class Proposal
{
    private readonly List<ProposalLine> _lines = [];
    private readonly List<ProposalParticipant> _participants = [];
    // Not readonly: the database maps the sessions as one value (a jsonb column) that it sets on load.
    private List<SessionDates> _sessions = [];

    private Proposal()
    {
        Course = null!;
        Place = string.Empty;
        BillingAddress = string.Empty;
    }

    private Proposal(Guid id, PayerKind payer, SalesChannel channel, TrainingKind kind, CourseSnapshot course, Percentage depositRate, DateOnly createdOn)
    {
        Id = id;
        PayerKind = payer;
        Channel = channel;
        TrainingKind = kind;
        Course = course;
        DepositRate = depositRate;
        CreatedOn = createdOn;
        Place = string.Empty;
        BillingAddress = string.Empty;
        Status = ProposalStatus.Draft;
    }

    public Guid Id { get; private set; }

    /// <summary>Set on the first issue; a re-issued draft already carries its next version.</summary>
    public DocumentNumber? Number { get; private set; }

    public int Version => Number?.Version ?? 1;

    public Guid? PreviousVersionId { get; private set; }

    public Guid? SupersededById { get; private set; }

    public Guid? ClientId { get; private set; }

    public ProposalStatus Status { get; private set; }

    public PayerKind PayerKind { get; private set; }

    public SalesChannel Channel { get; private set; }

    public TrainingKind TrainingKind { get; private set; }

    /// <summary>The course content; frozen from the issue on.</summary>
    public CourseSnapshot Course { get; private set; }

    public string Place { get; private set; }

    public string BillingAddress { get; private set; }

    /// <summary>M4: the deposit-rate setting when the proposal was drafted.</summary>
    public Percentage DepositRate { get; private set; }

    /// <summary>C3: the cost of preparing this proposal, billed if the client renounces after signing without the deposit.</summary>
    public Money PreparationCost { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    /// <summary>P3: the last day the proposal can be accepted.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public DateOnly? DeclinedOn { get; private set; }

    public DateOnly? ExpiredOn { get; private set; }

    /// <summary>P3: the day the client was reminded that the proposal expires soon (once per version).</summary>
    public DateOnly? ReminderSentOn { get; private set; }

    /// <summary>P3: the reminder goes this many days before <see cref="ValidUntil"/>.</summary>
    public const int ReminderDaysBefore = 7;

    /// <summary>The CGV version the proposal was issued with.</summary>
    public string? CgvVersion { get; private set; }

    /// <summary>M1: the VAT rate in force on the issue date, frozen.</summary>
    public Percentage? VatRate { get; private set; }

    /// <summary>M2: the statement printed on the proposal, frozen at issue.</summary>
    public string? PriceScopeStatement { get; private set; }

    public IReadOnlyList<ProposalLine> Lines => _lines;

    public IReadOnlyList<ProposalParticipant> Participants => _participants;

    public IReadOnlyList<SessionDates> Sessions => _sessions;

    /// <summary>P2: <c>ceil(participants / max)</c> sessions.</summary>
    public int PlannedSessionCount => _participants.Count == 0 ? 1 : SessionPlanning.SessionsNeeded(_participants.Count, Course.MaxParticipants);

    /// <summary>M3: the totals at the frozen VAT rate (issued proposals).</summary>
    public PriceTotals Totals => VatRate is { } rate
        ? TotalsAt(rate)
        : throw new DomainException("Les totaux TTC d'un brouillon dépendent du taux de TVA du jour d'émission : utilisez TotalsAt.", "M1");

    /// <summary>M3: the totals at a given rate (a draft's preview).</summary>
    public PriceTotals TotalsAt(Percentage vatRate) => PriceCalculator.Totals(_lines.Select(l => (l.AmountHt, vatRate)));

    /// <summary>M4 (P6, LW1): the deposit of an issued proposal.</summary>
    public DepositDecision Deposit => DepositPolicy.For(Totals.Ttc, DepositRate, PayerKind);

    /// <summary>Starts a draft for a course, with the deposit rate setting of the day (M4).</summary>
    public static Proposal Draft(Guid id, PayerKind payer, SalesChannel channel, TrainingKind kind, CourseSnapshot course, Percentage depositRate, DateOnly createdOn, Guid? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new Proposal(id, payer, channel, kind, course, depositRate, createdOn) { ClientId = clientId };
    }

    public void ChangeCourse(CourseSnapshot course)
    {
        ArgumentNullException.ThrowIfNull(course);
        EnsureDraft();
        Course = course;
    }

    public void SetPlace(string place)
    {
        EnsureDraft();
        Place = place?.Trim() ?? string.Empty;
    }

    public void SetBillingAddress(string address)
    {
        EnsureDraft();
        BillingAddress = address?.Trim() ?? string.Empty;
    }

    public void AssignClient(Guid clientId)
    {
        EnsureDraft();
        ClientId = clientId;
    }

    public void SetPreparationCost(Money cost)
    {
        EnsureDraft();
        if (cost.IsNegative)
        {
            throw new DomainException("Le coût d'élaboration de la proposition ne peut pas être négatif.", "C3");
        }

        PreparationCost = cost;
    }

    public SessionDates AddSession(DateOnly startsOn, DateOnly endsOn)
    {
        EnsureDraft();
        var session = new SessionDates(startsOn, endsOn);
        _sessions.Add(session);
        return session;
    }

    public void ClearSessions()
    {
        EnsureDraft();
        _sessions.Clear();
    }

    /// <summary>Adds a participant; an empty name is the placeholder "à confirmer" (P1).</summary>
    public ProposalParticipant AddParticipant(Guid id, string? name)
    {
        EnsureDraft();
        var participant = new ProposalParticipant(id, name);
        _participants.Add(participant);
        return participant;
    }

    public void RemoveParticipant(Guid id)
    {
        EnsureDraft();
        _participants.Remove(FindParticipant(id));
    }

    /// <summary>P1: a placeholder name may be confirmed in a draft and in an issued proposal, until acceptance.</summary>
    public void NameParticipant(Guid id, string name)
    {
        if (Status is not (ProposalStatus.Draft or ProposalStatus.Issued))
        {
            throw new DomainException(French.Format($"Les participants d'une proposition {StatusText()} ne peuvent plus être modifiés."), "P1");
        }

        FindParticipant(id).Rename(name);
    }

    public ProposalLine AddLine(Guid id, string description, decimal quantity, Money unitPriceHt)
    {
        EnsureDraft();
        var line = new ProposalLine(id, description, quantity, unitPriceHt);
        _lines.Add(line);
        return line;
    }

    public void RemoveLine(Guid id)
    {
        EnsureDraft();
        var line = _lines.Find(l => l.Id == id) ?? throw new DomainException("Cette ligne n'existe pas sur la proposition.");
        _lines.Remove(line);
    }

    /// <summary>P1 (and P2): what the proposal still lacks before it can be issued, in French.</summary>
    public IReadOnlyList<string> MissingForIssue()
    {
        var missing = new List<string>(Course.Missing());
        if (_sessions.Count == 0)
        {
            missing.Add("la ou les dates");
        }
        else if (_participants.Count > 0 && _sessions.Count < PlannedSessionCount)
        {
            // P2
            missing.Add(French.Format($"les dates de {PlannedSessionCount} sessions ({_participants.Count} participants, {Course.MaxParticipants} au plus par session)"));
        }

        if (string.IsNullOrWhiteSpace(Place))
        {
            missing.Add("le lieu");
        }

        if (_participants.Count == 0)
        {
            missing.Add("le nombre et les noms des participants");
        }

        if (_lines.Count == 0 || !Money.Sum(_lines.Select(l => l.AmountHt)).IsPositive)
        {
            missing.Add("le prix (au moins une ligne chiffrée)");
        }

        if (string.IsNullOrWhiteSpace(BillingAddress))
        {
            missing.Add("l'adresse de facturation");
        }

        return missing;
    }

    /// <summary>
    /// Issues the draft (P1, P3): checks completeness, freezes the course, the CGV version, the VAT
    /// rate of the day (M1) and the M2 statement, and starts the 30-day validity.
    /// </summary>
    /// <param name="number">The proposal number; leave null for a re-issued version, which already has one.</param>
    public void Issue(DateOnly issuedOn, string cgvVersion, VatRateTable vatRates, DocumentNumber? number = null)
    {
        ArgumentNullException.ThrowIfNull(vatRates);
        EnsureDraft();
        var missing = MissingForIssue();
        if (missing.Count > 0)
        {
            throw new DomainException("La proposition ne peut pas être émise : il manque " + string.Join(", ", missing) + " (P1).", "P1");
        }

        if (string.IsNullOrWhiteSpace(cgvVersion))
        {
            throw new DomainException("La version des CGV jointes à la proposition est obligatoire.", "P4");
        }

        if (Number is null)
        {
            if (number is null || number.Kind != DocumentKind.Proposal || number.Version != 1)
            {
                throw new DomainException("Une première proposition reçoit un numéro DEV sans version.", "LW4");
            }

            Number = number;
        }
        else if (number is not null && number != Number)
        {
            throw new DomainException(French.Format($"Cette version garde le numéro {Number}."), "P3");
        }

        var validity = ProposalValidity.On(issuedOn, issuedOn);
        VatRate = vatRates.RateOn(CgvReadings.VatRateDate(issuedOn)); // M1
        CgvVersion = cgvVersion.Trim();
        PriceScopeStatement = CgvStatements.PriceScope; // M2
        IssuedOn = issuedOn;
        ValidUntil = validity.ValidUntil; // P3
        Status = ProposalStatus.Issued;
    }

    /// <summary>P3: whether the proposal can be accepted on <paramref name="asOf"/>.</summary>
    public ValidityDecision Validity(DateOnly asOf) =>
        IssuedOn is { } issued
            ? ProposalValidity.On(issued, asOf)
            : throw new DomainException("Un brouillon n'a pas encore de validité : il n'est pas émis.", "P3");

    /// <summary>
    /// The client accepts (P3, P1): up to and including <see cref="ValidUntil"/>, with every participant
    /// named. The signed documents and the deposit are then followed on the order (P4, C1).
    /// </summary>
    public void Accept(DateOnly acceptedOn)
    {
        EnsureStatus(ProposalStatus.Issued, "accepter");
        if (acceptedOn < IssuedOn)
        {
            throw new DomainException("Une proposition ne peut pas être acceptée avant d'avoir été émise.", "P3");
        }

        var validity = Validity(acceptedOn);
        if (!validity.CanBeAccepted)
        {
            throw new DomainException(validity.Explanation, "P3");
        }

        var placeholders = _participants.Count(p => p.IsPlaceholder);
        if (placeholders > 0)
        {
            throw new DomainException(French.Format($"{placeholders} participant(s) sont encore « {CgvReadings.ParticipantPlaceholder} » : leurs noms sont requis à l'acceptation (P1)."), "P1");
        }

        AcceptedOn = acceptedOn;
        Status = ProposalStatus.Accepted;
    }

    public void Decline(DateOnly declinedOn)
    {
        EnsureStatus(ProposalStatus.Issued, "refuser");
        DeclinedOn = declinedOn;
        Status = ProposalStatus.Declined;
    }

    /// <summary>P3: marks an issued proposal expired, from the day after <see cref="ValidUntil"/>.</summary>
    public void Expire(DateOnly today)
    {
        EnsureStatus(ProposalStatus.Issued, "marquer comme expirée");
        var validity = Validity(today);
        if (validity.CanBeAccepted)
        {
            throw new DomainException(French.Format($"La proposition est valide jusqu'au {French.Date(validity.ValidUntil)} inclus ; elle n'expire que le lendemain (P3)."), "P3");
        }

        ExpiredOn = validity.ExpiredFrom;
        Status = ProposalStatus.Expired;
    }

    /// <summary>
    /// P3: whether the expiry reminder is due on <paramref name="today"/>: an issued proposal, not reminded
    /// yet, from <see cref="ReminderDaysBefore"/> days before <see cref="ValidUntil"/> up to the day before it.
    /// </summary>
    public bool ReminderDue(DateOnly today) =>
        Status == ProposalStatus.Issued && ReminderSentOn is null && ValidUntil is { } until
        && until.AddDays(-ReminderDaysBefore) <= today && today < until;

    /// <summary>P3: records that the expiry reminder was sent on <paramref name="today"/> (once per version).</summary>
    public void RecordReminder(DateOnly today)
    {
        if (!ReminderDue(today))
        {
            throw new DomainException(French.Format($"Le rappel d'expiration de la proposition {Number} n'est pas dû le {French.Date(today)}."), "P3");
        }

        ReminderSentOn = today;
    }

    /// <summary>
    /// P3: re-issues the proposal as its next version: this one is superseded, the new draft keeps the
    /// same number with the next version suffix and the same content, to be issued on a new date.
    /// </summary>
    public Proposal Reissue(Guid newId, DateOnly today)
    {
        if (Status is not (ProposalStatus.Issued or ProposalStatus.Expired or ProposalStatus.Declined))
        {
            throw new DomainException(French.Format($"Une proposition {StatusText()} ne peut pas être réémise ; seules une proposition émise, expirée ou refusée peuvent l'être."), "P3");
        }

        var next = new Proposal(newId, PayerKind, Channel, TrainingKind, Course, DepositRate, today)
        {
            Number = Number!.NextVersion(),
            PreviousVersionId = Id,
            ClientId = ClientId,
            Place = Place,
            BillingAddress = BillingAddress,
            PreparationCost = PreparationCost,
        };
        next._sessions.AddRange(_sessions);
        next._lines.AddRange(_lines.Select(l => new ProposalLine(Guid.NewGuid(), l.Description, l.Quantity, l.UnitPriceHt)));
        next._participants.AddRange(_participants.Select(p => new ProposalParticipant(Guid.NewGuid(), p.Name)));
        SupersededById = newId;
        Status = ProposalStatus.Superseded;
        return next;
    }

    private ProposalParticipant FindParticipant(Guid id) =>
        _participants.Find(p => p.Id == id) ?? throw new DomainException("Ce participant n'est pas sur la proposition.");

    private void EnsureDraft()
    {
        if (Status != ProposalStatus.Draft)
        {
            throw new DomainException(French.Format($"La proposition {Number} est {StatusText()} : elle ne se modifie plus ; réémettez-la dans une nouvelle version (P3, P5)."), "P5");
        }
    }

    private void EnsureStatus(ProposalStatus expected, string action)
    {
        if (Status != expected)
        {
            var message = French.Format($"Impossible de {action} la proposition : elle est {StatusText()}.");
            throw Status == ProposalStatus.Expired ? new DomainException(message, "P3") : new DomainException(message);
        }
    }

    private string StatusText() => Status switch
    {
        ProposalStatus.Draft => "un brouillon",
        ProposalStatus.Issued => "émise",
        ProposalStatus.Accepted => "acceptée",
        ProposalStatus.Expired => "expirée",
        ProposalStatus.Declined => "refusée",
        _ => "remplacée par une nouvelle version",
    };
}
