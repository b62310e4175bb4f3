namespace Lexom.Training.Documents;

/// <summary>LEXOM's bank account, for the deposit transfer and its EPC QR code.</summary>
public sealed record BankAccount
{
    public required string AccountHolder { get; init; }
    public required string Iban { get; init; }
    public required string Bic { get; init; }
    public required string BankName { get; init; }
}

/// <summary>
/// LEXOM's legal identity (LW3), filled by the web app from configuration.
/// Every document prints it in its footer and, for quotes and invoices, in full.
/// </summary>
public sealed record SellerIdentity
{
    public required string LegalName { get; init; }

    /// <summary>e.g. "SAS au capital de 10 000 €".</summary>
    public required string LegalForm { get; init; }

    public required PostalAddress Address { get; init; }

    /// <summary>14 digits; the SIREN is its first 9.</summary>
    public required string Siret { get; init; }

    /// <summary>e.g. "RCS Aubenas 000 000 000".</summary>
    public required string Rcs { get; init; }

    public required string VatNumber { get; init; }

    /// <summary>Numéro de déclaration d'activité (NDA) of the training organisation.</summary>
    public required string TrainingDeclarationNumber { get; init; }

    /// <summary>e.g. "Auvergne-Rhône-Alpes": the prefecture region that registered the NDA.</summary>
    public required string TrainingDeclarationRegion { get; init; }

    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Website { get; init; }
    public string DpoEmail { get; init; } = "dpo@lexom.fr";
    public required BankAccount Bank { get; init; }

    /// <summary>Who signs for LEXOM (name and capacity).</summary>
    public required string Signatory { get; init; }

    /// <summary>City where LEXOM's documents are "fait à".</summary>
    public string SignatureCity { get; init; } = "Aubenas";

    /// <summary>When true every page carries a visible "identité fictive" banner.</summary>
    public bool IsPlaceholder { get; init; }

    internal string Siren => Siret.Replace(" ", "", StringComparison.Ordinal) is { Length: >= 9 } s ? s[..9] : Siret;

    /// <summary>
    /// Demonstration values, visibly fake (zeros, "A CONFIGURER"): documents rendered with them show a
    /// red banner. The web app must replace them from configuration before any real document is issued.
    /// </summary>
    public static SellerIdentity DemoPlaceholder { get; } = new()
    {
        LegalName = "LEXOM",
        LegalForm = "SAS au capital de 0 € (A CONFIGURER)",
        Address = new PostalAddress
        {
            Line1 = "0 rue de l'Exemple (A CONFIGURER)",
            PostalCode = "07200",
            City = "Aubenas",
        },
        Siret = "00000000000000",
        Rcs = "RCS Aubenas 000 000 000",
        VatNumber = "FR00000000000",
        TrainingDeclarationNumber = "00 00 00000 00",
        TrainingDeclarationRegion = "Auvergne-Rhône-Alpes",
        Email = "contact@lexom.example",
        Phone = "+33 0 00 00 00 00",
        Website = "www.lexom.example",
        DpoEmail = "dpo@lexom.fr",
        Bank = new BankAccount
        {
            AccountHolder = "LEXOM",
            // The IBAN of the EPC specification's own example: valid checksum, not a real LEXOM account.
            Iban = "FR7630006000011234567890189",
            Bic = "AGRIFRPPXXX",
            BankName = "Banque (A CONFIGURER)",
        },
        Signatory = "Camille EXEMPLE (A CONFIGURER), président(e)",
        IsPlaceholder = true,
    };
}
