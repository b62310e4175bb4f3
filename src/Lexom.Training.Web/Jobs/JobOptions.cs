namespace Lexom.Training.Web.Jobs;

/// <summary>Settings of the background jobs (section <c>Lexom:Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Lexom:Jobs";

    /// <summary>Run <see cref="ProposalExpiryJob"/> on this instance (at start, then every interval).</summary>
    public bool ProposalExpiryEnabled { get; set; } = true;

    /// <summary>Time between two runs of <see cref="ProposalExpiryJob"/> (one hour by default).</summary>
    public TimeSpan ProposalExpiryInterval { get; set; } = TimeSpan.FromHours(1);
}
