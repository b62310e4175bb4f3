namespace Lexom.Training.Documents;

/// <summary>A postal address as printed on a document.</summary>
public sealed record PostalAddress
{
    public required string Line1 { get; init; }
    public string? Line2 { get; init; }
    public required string PostalCode { get; init; }
    public required string City { get; init; }
    public string Country { get; init; } = "France";

    internal IEnumerable<string> Lines()
    {
        yield return Line1;
        if (!string.IsNullOrWhiteSpace(Line2))
        {
            yield return Line2;
        }

        yield return $"{PostalCode} {City}";
        if (!string.Equals(Country, "France", StringComparison.OrdinalIgnoreCase))
        {
            yield return Country;
        }
    }
}

/// <summary>Company (personne morale) or private individual (personne physique): drives LW1, LW3, L3.</summary>
public enum ClientKind
{
    Company,
    Individual,
}

/// <summary>INTER (session open to several clients) or INTRA (at the client's, for its own staff).</summary>
public enum SessionFormat
{
    Inter,
    Intra,
}

/// <summary>The client as it must appear on quotes, agreements and invoices (LW3).</summary>
public sealed record ClientIdentity
{
    public required ClientKind Kind { get; init; }

    /// <summary>Company name, or "Prénom Nom" of a private individual.</summary>
    public required string Name { get; init; }

    /// <summary>Required for a company (LW3); ignored for an individual.</summary>
    public string? Siren { get; init; }

    public string? VatNumber { get; init; }
    public required PostalAddress Address { get; init; }

    /// <summary>Billing address when it differs from <see cref="Address"/>.</summary>
    public PostalAddress? BillingAddress { get; init; }

    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }

    /// <summary>For a company: the person who signs (name and capacity), e.g. "Mme Claire Martin, DRH".</summary>
    public string? Signatory { get; init; }

    internal PostalAddress EffectiveBillingAddress => BillingAddress ?? Address;
}

/// <summary>One priced line (M3): total HT = round(quantity × unit price, 2).</summary>
public sealed record DocumentLine
{
    public required string Description { get; init; }
    public required decimal Quantity { get; init; }

    /// <summary>Optional unit label, e.g. "participant", "jour".</summary>
    public string? Unit { get; init; }

    public required decimal UnitPriceExclVat { get; init; }

    /// <summary>VAT rate as a fraction: 0.20m for 20 % (M1: the rate in force is data, given by the caller).</summary>
    public required decimal VatRate { get; init; }
}

/// <summary>A payment already received, shown on invoices (M5).</summary>
public sealed record PaymentReceived
{
    public required DateOnly ReceivedOn { get; init; }
    public required string Label { get; init; }
    public required decimal Amount { get; init; }
}

/// <summary>One session (dates and place) of a proposal or agreement; P2 may plan several.</summary>
public sealed record SessionSchedule
{
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required string Place { get; init; }
}

/// <summary>The course as referenced by commercial documents.</summary>
public sealed record CourseReference
{
    public required string Reference { get; init; }
    public required string Title { get; init; }
    public required int DurationDays { get; init; }
    public required decimal DurationHours { get; init; }
}

/// <summary>OPCO funding recorded on an agreement (O1/O2).</summary>
public sealed record OpcoFunding
{
    public required string OpcoName { get; init; }
    public required string AgreementNumber { get; init; }
    public required decimal AmountCovered { get; init; }
    public bool Subrogation { get; init; } = true;
}
