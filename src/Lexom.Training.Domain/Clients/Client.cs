using System.Net.Mail;

namespace Lexom.Training.Domain.Clients;

/// <summary>A postal address in France.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City)
{
    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, $"{PostalCode} {City}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// A client of LEXOM: a company (personne morale, known by its SIRET) or a private individual
/// (personne physique, known by their e-mail). One record per client: requests are matched to it.
/// </summary>
public sealed class Client
{
    private Client() { }

    private Client(Guid id, PayerKind kind, string name, string? siret, string? vatNumber, string contactName, string email, string? phone, PostalAddress address, DateTimeOffset createdAt)
    {
        Id = id;
        Kind = kind;
        CreatedAt = createdAt;
        Siret = siret;
        Update(name, vatNumber, contactName, email, phone, address);
    }

    public Guid Id { get; private set; }
    public PayerKind Kind { get; private set; }
    /// <summary>Raison sociale, or the person's full name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Companies only: 14 digits.</summary>
    public string? Siret { get; private set; }
    public string? VatNumber { get; private set; }
    public string ContactName { get; private set; } = "";
    public string Email { get; private set; } = "";
    /// <summary>Lower-case e-mail, the key of a private individual.</summary>
    public string NormalizedEmail { get; private set; } = "";
    public string? Phone { get; private set; }
    public PostalAddress BillingAddress { get; private set; } = new("", null, "", "");
    public DateTimeOffset CreatedAt { get; private set; }

    public string? Siren => Siret is { Length: 14 } s ? s[..9] : null;

    public static Client Company(Guid id, string name, string siret, string? vatNumber, string contactName, string email, string? phone, PostalAddress address, DateTimeOffset createdAt)
    {
        if (!FrenchIdentifiers.IsValidSiret(siret))
            throw new DomainException("Le numéro SIRET n'est pas valide (14 chiffres, clé de contrôle).");
        return new Client(id, PayerKind.Company, name, FrenchIdentifiers.Digits(siret), vatNumber, contactName, email, phone, address, createdAt);
    }

    public static Client Individual(Guid id, string fullName, string email, string? phone, PostalAddress address, DateTimeOffset createdAt) =>
        new(id, PayerKind.PrivateIndividual, fullName, null, null, fullName, email, phone, address, createdAt);

    /// <summary>The newest contact details a request gives replace the old ones; the identity (SIRET) stays.</summary>
    public void Update(string name, string? vatNumber, string contactName, string email, string? phone, PostalAddress address)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Le nom du client est obligatoire.");
        if (string.IsNullOrWhiteSpace(contactName)) throw new DomainException("Le nom du contact est obligatoire.");
        if (!IsEmail(email)) throw new DomainException("L'adresse e-mail du client n'est pas valide.");
        if (vatNumber is { Length: > 0 } && !FrenchIdentifiers.IsValidVatNumber(vatNumber, Siret))
            throw new DomainException("Le numéro de TVA intracommunautaire n'est pas valide.");
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.City) || !FrenchIdentifiers.IsValidPostalCode(address.PostalCode))
            throw new DomainException("L'adresse de facturation est incomplète.");
        Name = name.Trim();
        VatNumber = string.IsNullOrWhiteSpace(vatNumber) ? null : vatNumber.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        ContactName = contactName.Trim();
        Email = email.Trim();
        NormalizedEmail = NormalizeEmail(email);
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        BillingAddress = address with { Line1 = address.Line1.Trim(), Line2 = string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim(), City = address.City.Trim() };
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(char.IsWhiteSpace)) return false;
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
