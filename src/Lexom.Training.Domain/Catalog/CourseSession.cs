using Lexom.Training.Domain.Orders;

namespace Lexom.Training.Domain.Catalog;

/// <summary>INTER (LEXOM's venue, several clients, published on the course page) or INTRA (one client, its premises). Stored as text.</summary>
public enum SessionKind
{
    Inter,
    Intra,
}

/// <summary>The life of a session. Stored as text.</summary>
public enum SessionStatus
{
    /// <summary>Planned: enrolments, convocations and attendance.</summary>
    Planned,

    /// <summary>Closed at the end (« Clôturer la session »): the orders completed, attestations issued.</summary>
    Closed,

    /// <summary>Cancelled by LEXOM (X4: trainer absent or venue unavailable): its orders refunded or postponed.</summary>
    Cancelled,
}

/// <summary>A seat held in the session, or a place on its waiting list. Stored as text.</summary>
public enum EnrolmentStatus
{
    Enrolled,
    Waiting,
}

/// <summary>A participant of an order in a session (or on its waiting list).</summary>
public sealed class SessionEnrolment
{
    private SessionEnrolment()
    {
        ParticipantName = string.Empty;
    }

    internal SessionEnrolment(Guid id, Guid orderId, Guid participantId, string participantName, EnrolmentStatus status, int rank, DateOnly enrolledOn)
    {
        Id = id;
        OrderId = orderId;
        ParticipantId = participantId;
        ParticipantName = participantName;
        Status = status;
        Rank = rank;
        EnrolledOn = enrolledOn;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ParticipantId { get; private set; }

    /// <summary>The participant's name when enrolled (the order keeps the current one).</summary>
    public string ParticipantName { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    /// <summary>The order of arrival: the waiting list is served by rank.</summary>
    public int Rank { get; private set; }

    public DateOnly EnrolledOn { get; private set; }

    internal void TakeSeat() => Status = EnrolmentStatus.Enrolled;
}

/// <summary>
/// A session of a course: its dates (every day has a morning and an afternoon half-day), its place, its trainer,
/// its capacity (the course's maximum of participants) and the participants of orders enrolled in it, with a
/// waiting list when it is full. INTER sessions are listed on the public course page with the seats left.
/// </summary>
public sealed class CourseSession
{
    public const int PlaceMaxLength = 300;

    private readonly List<SessionEnrolment> _enrolments = [];

    private CourseSession()
    {
        Place = string.Empty;
        CourseReference = string.Empty;
    }

    private CourseSession(Guid id, Guid courseId, string courseReference, SessionKind kind, Guid? clientId, DateOnly startsOn, DateOnly endsOn, string place, int capacity)
    {
        if (endsOn < startsOn)
            throw new DomainException("La date de fin ne peut pas précéder la date de début.");
        if (string.IsNullOrWhiteSpace(place))
            throw new DomainException("Le lieu de la session est obligatoire.");
        if (capacity < 1)
            throw new DomainException("La capacité d'une session est d'au moins une place.");
        if (kind == SessionKind.Intra && clientId is null)
            throw new DomainException("Une session INTRA est organisée pour un client : choisissez-le.");
        Id = id;
        CourseId = courseId;
        CourseReference = courseReference;
        Kind = kind;
        ClientId = kind == SessionKind.Intra ? clientId : null;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Place = place.Trim();
        Capacity = capacity;
        Status = SessionStatus.Planned;
        Version = 1;
    }

    /// <summary>A session planned by the staff: INTER (LEXOM's venue) or INTRA (the client's premises), capacity from the course maximum.</summary>
    public static CourseSession Plan(Guid id, Course course, SessionKind kind, Guid? clientId, DateOnly startsOn, DateOnly endsOn, string place, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (startsOn < today)
            throw new DomainException("Une session se planifie pour aujourd'hui ou plus tard.");
        if (kind == SessionKind.Inter && !course.OffersInter)
            throw new DomainException(French.Format($"La formation {course.Reference} n'est pas proposée en INTER."));
        if (kind == SessionKind.Intra && !course.OffersIntra)
            throw new DomainException(French.Format($"La formation {course.Reference} n'est pas proposée en INTRA."));
        // The capacity is the course's maximum of participants (P2); a course without one gets 12 seats.
        return new CourseSession(id, course.Id, course.Reference, kind, clientId, startsOn, endsOn, place, course.MaxParticipants ?? DefaultCapacity);
    }

    /// <summary>The capacity of a session whose course has no maximum of participants.</summary>
    public const int DefaultCapacity = 12;

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    /// <summary>The course's reference, to match the orders (their frozen course snapshot) enrolled in it.</summary>
    public string CourseReference { get; private set; }

    public SessionKind Kind { get; private set; }

    /// <summary>The client of an INTRA session; null for INTER.</summary>
    public Guid? ClientId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string Place { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>The seats held (enrolments, not the waiting list); kept as a column for the public course page.</summary>
    public int SeatsTaken { get; private set; }

    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);

    /// <summary>The trainer (a user account with the « Formateur » role), when one is assigned.</summary>
    public Guid? TrainerId { get; private set; }

    public SessionStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The day LEXOM cancelled the session (X4).</summary>
    public DateOnly? CancelledOn { get; private set; }

    /// <summary>
    /// The version of the session's dates and place: 1 when planned, one more at each move and at the cancellation. A
    /// convocation is sent once per version, and its calendar file's SEQUENCE follows it (RFC 5545).
    /// </summary>
    public int Version { get; private set; }

    public IReadOnlyList<SessionEnrolment> Enrolments => _enrolments;

    /// <summary>The days of the session, start to end.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var d = StartsOn; d <= EndsOn; d = d.AddDays(1))
                yield return d;
        }
    }

    /// <summary>Whether two date ranges share a day (inclusive).</summary>
    public static bool Overlap(DateOnly aStart, DateOnly aEnd, DateOnly bStart, DateOnly bEnd) => aStart <= bEnd && bStart <= aEnd;

    /// <summary>
    /// Assigns the trainer; <paramref name="trainersOtherSessions"/> are the trainer's other sessions: a trainer cannot be in
    /// two sessions that share a day.
    /// </summary>
    public void AssignTrainer(Guid? trainerId, IEnumerable<CourseSession> trainersOtherSessions)
    {
        ArgumentNullException.ThrowIfNull(trainersOtherSessions);
        EnsurePlanned("changer de formateur");
        if (trainerId is { } id)
        {
            var clash = trainersOtherSessions.FirstOrDefault(s => s.Id != Id && s.TrainerId == id && Overlap(StartsOn, EndsOn, s.StartsOn, s.EndsOn));
            if (clash is not null)
            {
                throw new DomainException(French.Format(
                    $"Ce formateur anime déjà la session {clash.CourseReference} du {French.Date(clash.StartsOn)} au {French.Date(clash.EndsOn)} : il ne peut pas être dans deux sessions à la fois."));
            }
        }

        TrainerId = trainerId;
    }

    /// <summary>
    /// Enrols a participant of an order: a seat while there is one, else the waiting list. The order must be for this course,
    /// at this session's dates, of its kind (and of its client for INTRA), and not ended. A participant of an order not yet
    /// confirmed holds a seat but is not convened (C2).
    /// </summary>
    public EnrolmentStatus Enrol(Guid enrolmentId, Order order, Guid participantId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsurePlanned("inscrire un participant");
        if (!string.Equals(order.Course.Reference, CourseReference, StringComparison.Ordinal))
            throw new DomainException(French.Format($"La commande porte sur la formation {order.Course.Reference}, pas sur {CourseReference}."));
        if (order.Status is not (OrderStatus.PendingSignatureAndDeposit or OrderStatus.Confirmed or OrderStatus.Postponed))
            throw new DomainException(French.Format($"La commande est {Order.StatusText(order.Status)} : ses participants ne s'inscrivent plus."));
        if ((order.TrainingKind == TrainingKind.Inter) != (Kind == SessionKind.Inter))
            throw new DomainException(order.TrainingKind == TrainingKind.Inter ? "Cette commande est une formation INTER : inscrivez-la dans une session INTER." : "Cette commande est une formation INTRA : inscrivez-la dans une session INTRA de son client.");
        if (Kind == SessionKind.Intra && order.ClientId != ClientId)
            throw new DomainException("Une session INTRA ne reçoit que les participants de son client.");
        if (order.StartsOn != StartsOn || order.EndsOn != EndsOn)
            throw new DomainException(French.Format(
                $"La commande est prévue du {French.Date(order.StartsOn)} au {French.Date(order.EndsOn)} et la session du {French.Date(StartsOn)} au {French.Date(EndsOn)} : les dates doivent être les mêmes (un report passe par la commande, R1)."));
        var participant = order.Participants.FirstOrDefault(p => p.Id == participantId)
            ?? throw new DomainException("Ce participant n'est pas sur la commande.");
        if (participant.Removed)
            throw new DomainException("Ce participant a été retiré de la commande.");
        if (_enrolments.Exists(e => e.ParticipantId == participantId))
            throw new DomainException(French.Format($"{participant.Name} est déjà inscrit(e) à cette session."));

        var status = SeatsTaken < Capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waiting;
        var rank = _enrolments.Count == 0 ? 1 : _enrolments.Max(e => e.Rank) + 1;
        _enrolments.Add(new SessionEnrolment(enrolmentId, order.Id, participantId, participant.Name, status, rank, today));
        if (status == EnrolmentStatus.Enrolled)
            SeatsTaken++;
        return status;
    }

    /// <summary>Takes a participant out of the session; a freed seat goes to the first of the waiting list. Returns who got it.</summary>
    public SessionEnrolment? Unenrol(Guid participantId)
    {
        EnsurePlanned("désinscrire un participant");
        var enrolment = _enrolments.Find(e => e.ParticipantId == participantId)
            ?? throw new DomainException("Ce participant n'est pas inscrit à cette session.");
        _enrolments.Remove(enrolment);
        if (enrolment.Status != EnrolmentStatus.Enrolled)
            return null;
        SeatsTaken--;
        var next = _enrolments.Where(e => e.Status == EnrolmentStatus.Waiting).OrderBy(e => e.Rank).FirstOrDefault();
        if (next is null)
            return null;
        next.TakeSeat();
        SeatsTaken++;
        return next;
    }

    /// <summary>
    /// Moves the session to new dates (issue 8): planned, not started, the new start after today, the same number of days (the
    /// orders were priced for them), and the trainer not in another session on the new days. Its orders move through the
    /// postponement rules (R1, X4), one by one, by the caller.
    /// </summary>
    public void Move(DateOnly newStartsOn, DateOnly newEndsOn, IEnumerable<CourseSession> trainersOtherSessions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(trainersOtherSessions);
        EnsurePlanned("déplacer la session");
        if (StartsOn <= today)
            throw new DomainException(French.Format($"La session a commencé le {French.Date(StartsOn)} : elle ne peut plus être déplacée."), "R2");
        if (newStartsOn <= today)
            throw new DomainException("La nouvelle date de début doit être postérieure à aujourd'hui.", "R1");
        if (newEndsOn < newStartsOn)
            throw new DomainException("La date de fin ne peut pas précéder la date de début.");
        if (newStartsOn == StartsOn && newEndsOn == EndsOn)
            throw new DomainException("Les nouvelles dates sont celles de la session.");
        if (newEndsOn.DayNumber - newStartsOn.DayNumber != EndsOn.DayNumber - StartsOn.DayNumber)
            throw new DomainException(French.Format($"La session dure {EndsOn.DayNumber - StartsOn.DayNumber + 1} jour(s) : elle est déplacée sur autant de jours (les commandes ont été établies pour cette durée)."));
        if (TrainerId is { } trainer)
        {
            var clash = trainersOtherSessions.FirstOrDefault(s => s.Id != Id && s.TrainerId == trainer && s.Status == SessionStatus.Planned
                && Overlap(newStartsOn, newEndsOn, s.StartsOn, s.EndsOn));
            if (clash is not null)
            {
                throw new DomainException(French.Format(
                    $"Le formateur anime déjà la session {clash.CourseReference} du {French.Date(clash.StartsOn)} au {French.Date(clash.EndsOn)} : il ne peut pas être dans deux sessions à la fois."));
            }
        }

        StartsOn = newStartsOn;
        EndsOn = newEndsOn;
        Version++;
    }

    /// <summary>X4: LEXOM cancels the session (trainer absent, venue unavailable); its seats are freed.</summary>
    public void Cancel(DateOnly today)
    {
        EnsurePlanned("l'annuler");
        if (today > EndsOn)
            throw new DomainException(French.Format($"La session s'est terminée le {French.Date(EndsOn)} : clôturez-la plutôt."), "X4");
        _enrolments.Clear();
        SeatsTaken = 0;
        CancelledOn = today;
        Status = SessionStatus.Cancelled;
        Version++;
    }

    /// <summary>Closes the session at its end (« Clôturer la session »).</summary>
    public void Close(DateOnly today)
    {
        EnsurePlanned("clôturer la session");
        if (today < EndsOn)
            throw new DomainException(French.Format($"La session se termine le {French.Date(EndsOn)} : elle ne peut pas être clôturée avant."));
        ClosedOn = today;
        Status = SessionStatus.Closed;
    }

    private void EnsurePlanned(string action)
    {
        if (Status != SessionStatus.Planned)
            throw new DomainException(French.Format($"La session est {(Status == SessionStatus.Cancelled ? "annulée" : "clôturée")} : impossible de {action}."));
    }
}
