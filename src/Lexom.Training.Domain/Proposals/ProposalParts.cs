using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Proposals;

/// <summary>The life of a proposal. Stored as text.</summary>
public enum ProposalStatus
{
    Draft,
    Issued,
    Accepted,
    Expired,
    Declined,
    Superseded,
}

/// <summary>One line of the detailed count (M3): a quantity and a unit price HT.</summary>
public sealed class ProposalLine
{
    private ProposalLine()
    {
        Description = string.Empty;
    }

    internal ProposalLine(Guid id, string description, decimal quantity, Money unitPriceHt)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("Chaque ligne de la proposition a un libellé.", "M3");
        }

        if (quantity <= 0)
        {
            throw new DomainException("La quantité d'une ligne doit être positive.", "M3");
        }

        if (unitPriceHt.IsNegative)
        {
            throw new DomainException("Le prix unitaire HT d'une ligne ne peut pas être négatif.", "M3");
        }

        Id = id;
        Description = description.Trim();
        Quantity = quantity;
        UnitPriceHt = unitPriceHt;
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; }

    public decimal Quantity { get; private set; }

    public Money UnitPriceHt { get; private set; }

    /// <summary>M3: round(quantity × unit price HT).</summary>
    public Money AmountHt => PriceCalculator.LineAmount(Quantity, UnitPriceHt);
}

/// <summary>A participant named on a proposal; the name may be a placeholder until acceptance (P1).</summary>
public sealed class ProposalParticipant
{
    private ProposalParticipant()
    {
        Name = string.Empty;
    }

    internal ProposalParticipant(Guid id, string? name)
    {
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? CgvReadings.ParticipantPlaceholder : name.Trim();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>True while the name is "à confirmer" (P1).</summary>
    public bool IsPlaceholder => string.Equals(Name, CgvReadings.ParticipantPlaceholder, StringComparison.OrdinalIgnoreCase);

    internal void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Le nom du participant est vide.", "P1");
        }

        Name = name.Trim();
    }
}

/// <summary>Fixed statements the documents print (M2, A1).</summary>
public static class CgvStatements
{
    /// <summary>M2: what the price includes, printed on every proposal.</summary>
    public const string PriceScope =
        "Prix hors taxes, à majorer de la TVA au taux en vigueur. Ils ne comprennent pas les frais de déplacement et de repas des stagiaires ; ils comprennent ceux du formateur.";

    /// <summary>A1: printed on the attendance sheet and the attestation.</summary>
    public const string Absence =
        "L'absence d'un ou plusieurs stagiaires, partielle ou totale, ne donne lieu à aucune réduction sur le prix de la prestation.";
}
