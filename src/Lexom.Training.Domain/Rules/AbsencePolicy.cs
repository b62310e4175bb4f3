using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>A1: what attendance changes to the price: nothing.</summary>
public sealed record AbsenceDecision(
    Money PriceTtc,
    Money PriceDue,
    int PlannedHalfDays,
    int AttendedHalfDays,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    public Money Reduction => PriceTtc - PriceDue;
}

/// <summary>A1: the absence of trainees, partial or total, reduces nothing.</summary>
public static class AbsencePolicy
{
    public static AbsenceDecision Decide(Money priceTtc, int plannedHalfDays, int attendedHalfDays)
    {
        if (attendedHalfDays < 0 || plannedHalfDays < 0 || attendedHalfDays > plannedHalfDays)
        {
            throw new DomainException("Le nombre de demi-journées suivies doit être compris entre 0 et le nombre prévu.", "A1");
        }

        // A1: the price stays whole whatever the attendance.
        return new AbsenceDecision(priceTtc, priceTtc, plannedHalfDays, attendedHalfDays, ["A1"],
            French.Format($"Présence : {attendedHalfDays} demi-journée(s) sur {plannedHalfDays}. L'absence d'un ou plusieurs stagiaires, partielle ou totale, ne donne lieu à aucune réduction : {French.Amount(priceTtc)} restent dus (A1)."));
    }
}
