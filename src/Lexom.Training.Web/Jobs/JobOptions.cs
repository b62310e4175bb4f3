namespace Lexom.Training.Web.Jobs;

/// <summary>Settings of the background jobs (section <c>Lexom:Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Lexom:Jobs";

    /// <summary>Run <see cref="ProposalExpiryJob"/> on this instance (at start, then every interval).</summary>
    public bool ProposalExpiryEnabled { get; set; } = true;

    /// <summary>Time between two runs of <see cref="ProposalExpiryJob"/> (one hour by default).</summary>
    public TimeSpan ProposalExpiryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run <see cref="LatePaymentJob"/> on this instance (at start, then every interval).</summary>
    public bool LatePaymentEnabled { get; set; } = true;

    /// <summary>Time between two runs of <see cref="LatePaymentJob"/> (one hour by default: the figures are per day).</summary>
    public TimeSpan LatePaymentInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run <see cref="ConvocationJob"/> on this instance (at start, then every interval).</summary>
    public bool ConvocationEnabled { get; set; } = true;

    /// <summary>Time between two runs of <see cref="ConvocationJob"/> (one hour by default).</summary>
    public TimeSpan ConvocationInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many days before a session's start its convocations are sent (10 by default).</summary>
    public int ConvocationDaysBefore { get; set; } = 10;
    /// <summary>Run <see cref="RetentionJob"/> on this instance (at start, then every interval).</summary>
    public bool RetentionEnabled { get; set; } = true;

    /// <summary>Time between two runs of <see cref="RetentionJob"/> (one day).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);
}
