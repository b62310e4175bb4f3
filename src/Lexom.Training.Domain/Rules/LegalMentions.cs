using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>LW3: the seller's identity that every quote and invoice carries.</summary>
public sealed record SellerIdentity(
    string Name,
    string LegalForm,
    string Address,
    string Siret,
    string Rcs,
    string VatNumber,
    string TrainingDeclarationNumber)
{
    /// <summary>LW3: the mentions still empty, in French.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        void Check(string value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(label);
            }
        }

        Check(Name, "la dénomination");
        Check(LegalForm, "la forme juridique");
        Check(Address, "l'adresse");
        Check(Siret, "le SIREN/SIRET");
        Check(Rcs, "le RCS");
        Check(VatNumber, "le numéro de TVA intracommunautaire");
        Check(TrainingDeclarationNumber, "le numéro de déclaration d'activité (NDA)");
        return missing;
    }
}

/// <summary>LW3: the legal sentences printed on quotes and invoices.</summary>
public static class LegalMentions
{
    /// <summary>
    /// LW3 (Code de commerce L441-10): the late-payment clause of an invoice, with the rate of the
    /// half-year of its due date and, for a company, the 40 € indemnity.
    /// </summary>
    public static string LatePaymentClause(PayerKind payer, HalfYearRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var clause = French.Format($"En cas de retard de paiement, intérêts de retard au taux de {rates.LateInterestRate.ToFrench()} (taux BCE + 10 points, au moins trois fois le taux d'intérêt légal), appliqué au montant TTC impayé.");
        return payer == PayerKind.Company
            ? clause + French.Format($" Indemnité forfaitaire pour frais de recouvrement : {French.Amount(CgvReadings.RecoveryIndemnity)}.")
            : clause;
    }

    /// <summary>LW3: "Payable à réception", the due date of an invoice (M5).</summary>
    public static string DueDateMention(DateOnly dueOn) => French.Format($"Échéance : {French.Date(dueOn)}, payable à réception.");

    /// <summary>LW3: the VAT line for one rate.</summary>
    public static string VatLine(VatLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return French.Format($"TVA {line.Rate.ToFrench()} sur {French.Amount(line.Base)} : {French.Amount(line.Vat)}");
    }
}
