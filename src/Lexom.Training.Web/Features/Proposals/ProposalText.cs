using Lexom.Training.Domain.Proposals;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>The French words of the proposal pages, and the URL keys of the status filter.</summary>
public static class ProposalText
{
    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "Brouillon",
        ProposalStatus.Issued => "Émise",
        ProposalStatus.Accepted => "Acceptée",
        ProposalStatus.Expired => "Expirée",
        ProposalStatus.Declined => "Refusée",
        ProposalStatus.Superseded => "Remplacée",
        _ => status.ToString(),
    };

    public static readonly IReadOnlyList<(string Key, ProposalStatus Status)> StatusKeys =
    [
        ("brouillon", ProposalStatus.Draft),
        ("emise", ProposalStatus.Issued),
        ("acceptee", ProposalStatus.Accepted),
        ("expiree", ProposalStatus.Expired),
        ("refusee", ProposalStatus.Declined),
        ("remplacee", ProposalStatus.Superseded),
    ];

    public static ProposalStatus? StatusOf(string? key) =>
        StatusKeys.Where(k => k.Key == key).Select(k => (ProposalStatus?)k.Status).FirstOrDefault();

    /// <summary>"DEV-2026-000001", or "Brouillon" before the first issue.</summary>
    public static string Number(Domain.Values.DocumentNumber? number) => number?.ToString() ?? "(sans numéro)";

    public static string FileName(Domain.Values.DocumentNumber? number) => $"proposition-{number?.ToString() ?? "brouillon"}.pdf";

    /// <summary>The file name of what the client signs: the proposal, or the training contract of a private individual (P6).</summary>
    public static string FileName(Proposal proposal) => proposal.PayerKind == Domain.PayerKind.PrivateIndividual
        ? $"contrat-de-formation-{proposal.Number?.ToString() ?? "brouillon"}.pdf"
        : FileName(proposal.Number);

    /// <summary>"la proposition commerciale" or "le contrat de formation" (P6).</summary>
    public static string DocumentName(Domain.PayerKind payer) =>
        payer == Domain.PayerKind.PrivateIndividual ? "contrat de formation" : "proposition commerciale";
}
