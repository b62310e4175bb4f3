using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>M4 (and P6, LW1): the deposit asked on acceptance.</summary>
public sealed record DepositDecision(
    Money PriceTtc,
    Percentage RequestedRate,
    Percentage AppliedRate,
    Money Amount,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>M4: <c>Deposit = round(rate × TTC)</c>, the rate being a setting (30 % by default); LW1 caps it at 30 % for individuals.</summary>
public static class DepositPolicy
{
    public static DepositDecision For(Money priceTtc, Percentage depositRateSetting, PayerKind payer)
    {
        if (depositRateSetting < Percentage.Zero || depositRateSetting > Percentage.Of(100m))
        {
            throw new DomainException("Le taux d'acompte doit être compris entre 0 et 100 %.", "M4");
        }

        var rules = new List<string> { "M4" };
        var applied = depositRateSetting;
        if (payer == PayerKind.PrivateIndividual)
        {
            rules.Add("P6");
            if (depositRateSetting > CgvReadings.IndividualFirstPaymentCap)
            {
                // LW1: the law wins over the setting.
                applied = CgvReadings.IndividualFirstPaymentCap;
                rules.Add("LW1");
            }
        }

        var amount = PriceCalculator.Deposit(priceTtc, applied);
        var explanation = applied == depositRateSetting
            ? French.Format($"Acompte de {applied.ToFrench()} du prix TTC de {French.Amount(priceTtc)} : {French.Amount(amount)} (M4).")
            : French.Format($"Acompte limité par la loi à {applied.ToFrench()} pour un particulier (réglage : {depositRateSetting.ToFrench()}) : {French.Amount(amount)} (LW1, L6353-6).");
        return new DepositDecision(priceTtc, depositRateSetting, applied, amount, rules, explanation);
    }
}
