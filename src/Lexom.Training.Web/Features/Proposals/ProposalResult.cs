namespace Lexom.Training.Web.Features.Proposals;

/// <summary>The outcome of a staff action on a proposal: done (with the proposal to show), refused with a French sentence, or not found.</summary>
public sealed record ProposalResult(bool Succeeded, string? Error, Guid? ProposalId = null, bool NotFound = false)
{
    public static readonly ProposalResult Missing = new(false, null, NotFound: true);

    public static ProposalResult Ok(Guid id) => new(true, null, id);

    public static ProposalResult Refused(string error) => new(false, error);
}
