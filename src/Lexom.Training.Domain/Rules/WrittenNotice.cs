namespace Lexom.Training.Domain.Rules;

/// <summary>
/// X1 (and R1, P5): a written request as LEXOM received it: the date of receipt and a reference to the
/// letter, the document or the e-mail (a file name, a message id).
/// </summary>
public sealed record WrittenNotice(DateOnly ReceivedOn, string Reference)
{
    public bool IsWritten => !string.IsNullOrWhiteSpace(Reference);
}
