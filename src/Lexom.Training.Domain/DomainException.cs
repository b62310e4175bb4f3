namespace Lexom.Training.Domain;

/// <summary>
/// A business rule refused an action. The message is a French sentence a user can read.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, string ruleId) : base(message) => RuleId = ruleId;

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The CGV or legal rule id (P3, X5…) that refused the action, when there is one.</summary>
    public string? RuleId { get; }
}
