namespace Lexom.Training.Domain.Rules;

/// <summary>T1: from which day LEXOM may terminate after a formal notice.</summary>
/// <param name="NoticeLastDay">The last day of the 8 days the notice must stay unanswered.</param>
/// <param name="TerminationPossibleFrom">The first day termination is possible, when the notice stays unanswered.</param>
public sealed record TerminationDecision(
    DateOnly NoticeOn,
    DateOnly NoticeLastDay,
    DateOnly TerminationPossibleFrom,
    bool Answered,
    bool MayTerminate,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>T1: termination eight days after an unanswered formal notice.</summary>
public static class TerminationPolicy
{
    /// <param name="noticeOn">The date of the formal notice (mise en demeure).</param>
    /// <param name="answeredOn">When the client answered, if it did.</param>
    public static TerminationDecision Decide(DateOnly noticeOn, DateOnly? answeredOn, DateOnly today)
    {
        var lastDay = CgvReadings.FormalNoticeLastDay(noticeOn);
        var from = lastDay.AddDays(1);
        var answered = answeredOn is { } a && a <= lastDay;
        var may = !answered && today >= from;
        string explanation;
        if (answered)
        {
            explanation = French.Format($"Le client a répondu le {French.Date(answeredOn!.Value)} à la mise en demeure du {French.Date(noticeOn)} : pas de résolution sur ce fondement (T1).");
        }
        else if (may)
        {
            explanation = French.Format($"Mise en demeure du {French.Date(noticeOn)} restée sans réponse huit jours (jusqu'au {French.Date(lastDay)}) : le contrat peut être résolu depuis le {French.Date(from)} (T1).");
        }
        else
        {
            explanation = French.Format($"Mise en demeure du {French.Date(noticeOn)} : sans réponse au {French.Date(lastDay)} inclus, le contrat pourra être résolu à partir du {French.Date(from)} (T1).");
        }

        return new TerminationDecision(noticeOn, lastDay, from, answered, may, ["T1"], explanation);
    }
}
