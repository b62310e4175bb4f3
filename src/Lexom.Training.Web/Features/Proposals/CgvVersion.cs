namespace Lexom.Training.Web.Features.Proposals;

/// <summary>P4: the version of the CGV annexed to the proposals issued today (frozen on each proposal at issue).</summary>
public static class CgvVersion
{
    /// <summary>Change it here, and only here, when LEXOM publishes new CGV.</summary>
    public const string Current = "CGV LEXOM 2026-01";
}
