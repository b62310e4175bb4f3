namespace Lexom.Training.Web.Infrastructure;

/// <summary>The "Lexom" configuration section.</summary>
public sealed class LexomOptions
{
    public const string Section = "Lexom";

    /// <summary>Demo mode (./lexom run): demo accounts and sample courses are seeded. Refused in Production.</summary>
    public bool Demo { get; set; }

    /// <summary>Create, migrate and seed the database at start-up. False where a one-off job does it
    /// (several instances behind a load balancer).</summary>
    public bool InitializeDatabase { get; set; } = true;

    /// <summary>Apply pending EF Core migrations at start-up (one instance at a time takes an advisory lock).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>M4: the deposit rate setting, in percent of the price TTC (30 by default).</summary>
    public decimal DepositRate { get; set; } = 30m;

    /// <summary>Public base URL, for links in e-mails and documents.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
