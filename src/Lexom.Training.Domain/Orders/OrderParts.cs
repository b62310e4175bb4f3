using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Orders;

/// <summary>The life of an order (the contract). Stored as text.</summary>
public enum OrderStatus
{
    /// <summary>Accepted, waiting for the signed documents and the deposit (C1).</summary>
    PendingSignatureAndDeposit,

    /// <summary>The contract is concluded (C1).</summary>
    Confirmed,

    /// <summary>Concluded and moved to new dates (R1, X4).</summary>
    Postponed,

    /// <summary>The training took place.</summary>
    Completed,

    /// <summary>Cancelled (X2–X6, C3, R2).</summary>
    Cancelled,

    /// <summary>Withdrawn within the legal period (P7, LW1).</summary>
    Withdrawn,

    /// <summary>Terminated after an unanswered formal notice (T1).</summary>
    Terminated,
}

/// <summary>The signed documents that conclude the contract (P4, P6). Stored as text.</summary>
public enum SignedDocumentKind
{
    /// <summary>The proposal initialled, stamped, signed, with "BON POUR ACCORD" (P4, companies).</summary>
    ProposalBonPourAccord,

    /// <summary>The CGV initialled and signed (P4).</summary>
    Cgv,

    /// <summary>The training contract (convention) of a private individual (P6, LW1).</summary>
    TrainingContract,
}

/// <summary>A signed document as received (P4, P6).</summary>
public sealed record SignedDocument(SignedDocumentKind Kind, DateOnly ReceivedOn, string Reference);

/// <summary>
/// P4: the evidence of an acceptance made online in the client space: who typed their name, the mention
/// they typed, the CGV version they ticked, the SHA-256 of the PDF they were shown, when and from where.
/// </summary>
public sealed record ElectronicAcceptance
{
    /// <summary>The mention the client types (P4's « BON POUR ACCORD »).</summary>
    public const string RequiredMention = "Bon pour accord";

    private ElectronicAcceptance(string signatoryName, string mention, string cgvVersion, string documentSha256, DateTimeOffset acceptedAt, string ipAddress, string? userAgent)
    {
        SignatoryName = signatoryName;
        Mention = mention;
        CgvVersion = cgvVersion;
        DocumentSha256 = documentSha256;
        AcceptedAt = acceptedAt;
        IpAddress = ipAddress;
        UserAgent = userAgent;
    }

    public string SignatoryName { get; }

    public string Mention { get; }

    public string CgvVersion { get; }

    /// <summary>The SHA-256 of the PDF the client accepted, 64 lowercase hexadecimal digits.</summary>
    public string DocumentSha256 { get; }

    public DateTimeOffset AcceptedAt { get; }

    public string IpAddress { get; }

    public string? UserAgent { get; }

    /// <summary>Checks what the client typed and ticked (P4); throws a French message for the form otherwise.</summary>
    public static ElectronicAcceptance Create(string? signatoryName, string? mention, bool cgvAccepted, string cgvVersion, string documentSha256, DateTimeOffset acceptedAt, string ipAddress, string? userAgent)
    {
        var name = French.CollapseSpaces(signatoryName);
        if (name.Length < 3 || !name.Any(char.IsLetter))
        {
            throw new DomainException("Tapez vos nom et prénom, tels qu'ils signent.", "P4");
        }

        if (!IsBonPourAccord(mention))
        {
            throw new DomainException(French.Format($"Tapez la mention « {RequiredMention} »."), "P4");
        }

        if (!cgvAccepted)
        {
            throw new DomainException("Cochez la case qui dit que vous avez lu et acceptez les conditions générales de vente.", "P4");
        }

        if (documentSha256 is not { Length: 64 } || !documentSha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("L'empreinte SHA-256 du document est invalide.", nameof(documentSha256));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(cgvVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(ipAddress);
        return new ElectronicAcceptance(name, French.CollapseSpaces(mention), cgvVersion, documentSha256, acceptedAt, ipAddress,
            string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Trim()[..Math.Min(userAgent.Trim().Length, 500)]);
    }

    /// <summary>Restores a stored acceptance as it was recorded.</summary>
    public static ElectronicAcceptance Restore(string signatoryName, string mention, string cgvVersion, string documentSha256, DateTimeOffset acceptedAt, string ipAddress, string? userAgent) =>
        new(signatoryName, mention, cgvVersion, documentSha256, acceptedAt, ipAddress, userAgent);

    /// <summary>« Bon pour accord », whatever the case, the quotes and the spaces.</summary>
    public static bool IsBonPourAccord(string? mention) =>
        string.Equals(French.CollapseSpaces(mention?.Trim('«', '»', '"', '\'', ' ', '.')), RequiredMention, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Morning or afternoon, for attendance (A1). Stored as text.</summary>
public enum HalfDay
{
    Morning,
    Afternoon,
}

/// <summary>One half-day of attendance (émargement, A1).</summary>
public sealed record AttendanceEntry(DateOnly Day, HalfDay HalfDay, bool Present);

/// <summary>A participant of an order.</summary>
public sealed class Participant
{
    private readonly List<AttendanceEntry> _attendance = [];

    private Participant()
    {
        Name = string.Empty;
    }

    internal Participant(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>A participant removed after confirmation stays on the order, marked, and the price does not change (C4).</summary>
    public bool Removed { get; private set; }

    /// <summary>The participant's own e-mail address, optional: their convocation goes there, the client's contact in copy.</summary>
    public string? Email { get; private set; }

    public IReadOnlyList<AttendanceEntry> Attendance => _attendance;

    public const int EmailMaxLength = 254;

    internal void ChangeEmail(string? email) => Email = email;

    internal void Rename(string name) => Name = name;

    internal void MarkRemoved() => Removed = true;

    internal void Record(AttendanceEntry entry)
    {
        _attendance.RemoveAll(a => a.Day == entry.Day && a.HalfDay == entry.HalfDay);
        _attendance.Add(entry);
    }
}

/// <summary>OPCO funding (O1, O2), recorded before the start.</summary>
/// <param name="Opco">The OPCO's name.</param>
/// <param name="AgreementNumber">The number of its funding agreement.</param>
/// <param name="AgreedAmount">The amount TTC it agreed to pay (O2).</param>
/// <param name="AgreementFile">A reference to the copy of the agreement (a stored file).</param>
/// <param name="Subrogation">Whether LEXOM bills the OPCO directly (O2).</param>
/// <param name="IndemnityCoverage">What the OPCO agreed to cover of an indemnity (R4); zero by default.</param>
public sealed record OpcoFunding(
    string Opco,
    string AgreementNumber,
    Money AgreedAmount,
    string AgreementFile,
    DateOnly RecordedOn,
    bool Subrogation,
    Money IndemnityCoverage = default)
{
    /// <summary>Closed when the OPCO did not pay by its deadline (O3).</summary>
    public DateOnly? ClosedUnpaidOn { get; init; }
}

/// <summary>The state of a change request (P5, C4). Stored as text.</summary>
public enum ChangeRequestStatus
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>A change asked by the client after the contract (P5, C4).</summary>
public sealed class ChangeRequest
{
    private ChangeRequest()
    {
        Description = string.Empty;
        Reference = string.Empty;
    }

    internal ChangeRequest(Guid id, string description, WrittenNotice notice)
    {
        Id = id;
        Description = description;
        ReceivedOn = notice.ReceivedOn;
        Reference = notice.Reference;
        Status = ChangeRequestStatus.Pending;
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string Reference { get; private set; }

    public ChangeRequestStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The proposal that bills the extra costs, when there are any (C4).</summary>
    public DocumentNumber? SupplementaryProposal { get; private set; }

    internal void Decide(bool accepted, DateOnly on, DocumentNumber? supplementaryProposal)
    {
        if (Status != ChangeRequestStatus.Pending)
        {
            throw new DomainException("Cette demande de modification a déjà reçu une réponse.", "P5");
        }

        Status = accepted ? ChangeRequestStatus.Accepted : ChangeRequestStatus.Refused;
        DecidedOn = on;
        SupplementaryProposal = supplementaryProposal;
    }
}

/// <summary>The kind of a decision kept on an order. Stored as text.</summary>
public enum DecisionKind
{
    Cancellation,
    Withdrawal,
    Postponement,
    PostponementLapsed,
    OpcoDeadline,
    Termination,
}

/// <summary>A policy decision applied to the order, kept with its money and reasons for the screens and documents.</summary>
public sealed record RecordedDecision(
    DecisionKind Kind,
    DateOnly DecidedOn,
    string RuleIds,
    string Explanation,
    Money TotalOwed,
    Money OpcoPart,
    Money DueNow,
    Money DueLater,
    Money Refund)
{
    internal static RecordedDecision From(DecisionKind kind, DateOnly on, Decision decision, Settlement? s) =>
        new(kind, on, string.Join(",", decision.RuleIds), decision.Explanation,
            s?.TotalOwed ?? Money.Zero, s?.OpcoPart ?? Money.Zero, s?.DueNow ?? Money.Zero, s?.DueLater ?? Money.Zero, s?.Refund ?? Money.Zero);
}

/// <summary>Money paid back to the client.</summary>
public sealed record Refund(Guid Id, DateOnly PaidOn, Money Amount, string Reference);

/// <summary>What the end-of-training attestation states (K1, LW2): all the objectives, the nature, the duration, the attendance.</summary>
public sealed record AttestationContent(
    string ParticipantName,
    string CourseTitle,
    string CourseReference,
    IReadOnlyList<string> Objectives,
    string Nature,
    decimal DurationHours,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int HalfDaysAttended,
    int HalfDaysRecorded,
    string? EvaluationMethods);
