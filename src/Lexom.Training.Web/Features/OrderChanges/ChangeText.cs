using Lexom.Training.Domain.Rules;

namespace Lexom.Training.Web.Features.OrderChanges;

/// <summary>The French words of the cancellation and postponement pages, and the keys their forms post.</summary>
public static class ChangeText
{
    public const int EmailReferenceMaxLength = 300;

    /// <summary>X2–X6: who cancels and why, as the form offers it.</summary>
    public static readonly IReadOnlyList<(string Key, CancellationReason Reason, string Label)> CancellationReasons =
    [
        ("client", CancellationReason.ClientRenounces, "Le client renonce à la formation"),
        ("stagiaires-absents", CancellationReason.TraineesAbsent, "Le client annule pour absence de stagiaires"),
        ("formateur-absent", CancellationReason.TrainerAbsent, "LEXOM annule : formateur absent"),
        ("lieu-indisponible", CancellationReason.VenueUnavailable, "LEXOM annule : lieu indisponible"),
    ];

    /// <summary>
    /// R1–R3, X4: who asks for the postponement and why. LEXOM's two causes (X4) are the domain's one
    /// <see cref="PostponementReason.LexomCancellation"/>: LEXOM cannot hold the session and the client accepts new dates.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, PostponementReason Reason, string Label)> PostponementReasons =
    [
        ("client", PostponementReason.ClientRequest, "Le client demande un report"),
        ("stagiaires-absents", PostponementReason.SomeTraineesAbsent, "Le client demande un report pour absence de certains stagiaires"),
        ("formateur-absent", PostponementReason.LexomCancellation, "LEXOM : formateur absent, le client accepte le report"),
        ("lieu-indisponible", PostponementReason.LexomCancellation, "LEXOM : lieu indisponible, le client accepte le report"),
    ];

    public static CancellationReason? CancellationReasonOf(string? key) =>
        CancellationReasons.Where(r => r.Key == key).Select(r => (CancellationReason?)r.Reason).FirstOrDefault();

    public static PostponementReason? PostponementReasonOf(string? key) =>
        PostponementReasons.Where(r => r.Key == key).Select(r => (PostponementReason?)r.Reason).FirstOrDefault();

    public static string CancellationReasonLabel(string? key) => CancellationReasons.FirstOrDefault(r => r.Key == key).Label ?? "";

    public static string PostponementReasonLabel(string? key) => PostponementReasons.FirstOrDefault(r => r.Key == key).Label ?? "";

    /// <summary>X4: the reasons for which LEXOM, not the client, is the author of the change.</summary>
    public static bool IsLexomReason(string? key) => key is "formateur-absent" or "lieu-indisponible";

    public static string Outcome(CancellationOutcome outcome) => outcome switch
    {
        CancellationOutcome.Refused => "Annulation non recevable",
        CancellationOutcome.FreeWithdrawal => "Rétractation sans frais",
        CancellationOutcome.FreeBeforeContract => "Renonciation sans frais avant la conclusion du contrat",
        CancellationOutcome.PreparationCostDue => "Frais d'élaboration de la proposition dus",
        CancellationOutcome.DepositKept => "L'acompte est conservé à titre d'indemnité",
        CancellationOutcome.WholePriceDue => "Le prix total est dû à titre d'indemnité",
        _ => "Annulation par LEXOM : les sommes versées sont remboursées",
    };

    public static string Outcome(PostponementOutcome outcome) => outcome switch
    {
        PostponementOutcome.Refused => "Report non recevable",
        PostponementOutcome.Allowed => "Report accepté",
        PostponementOutcome.WholePriceDue => "Le prix total est dû à titre d'indemnité",
        PostponementOutcome.AllowedWithoutIndemnity => "Report par LEXOM, sans indemnité",
        _ => "La formation reportée est encore dans le délai",
    };

    /// <summary>"X3 (CGV 3.5, annulation)": a rule id with the article of the CGV it comes from, for the staff and the client.</summary>
    public static string Clause(string ruleId) => ruleId switch
    {
        ['X', ..] => $"{ruleId} (CGV 3.5, annulation)",
        ['R', ..] => $"{ruleId} (CGV 3.6, report)",
        "C3" => "C3 (CGV 2.2, contrat)",
        "P7" => "P7 (CGV 2.1, rétractation)",
        "LW1" => "LW1 (Code du travail L6353-5, rétractation)",
        _ => ruleId,
    };

    public static string Clauses(IEnumerable<string> ruleIds) => string.Join(", ", ruleIds.Select(Clause));

    /// <summary>The rule ids as a recorded decision keeps them ("X3,R4").</summary>
    public static string Clauses(string recordedRuleIds) =>
        Clauses((recordedRuleIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string DecisionKind(Domain.Orders.DecisionKind kind) => kind switch
    {
        Domain.Orders.DecisionKind.Cancellation => "Annulation",
        Domain.Orders.DecisionKind.Withdrawal => "Rétractation",
        Domain.Orders.DecisionKind.Postponement => "Report",
        Domain.Orders.DecisionKind.PostponementLapsed => "Report expiré",
        Domain.Orders.DecisionKind.OpcoDeadline => "Délai de l'OPCO",
        _ => "Résolution",
    };
}
