namespace Lexom.Training.Domain.Catalog;

/// <summary>A domain of the catalog (a category), e.g. "RELATION CLIENT - RELATION CLIENTS".</summary>
public sealed class CatalogDomain
{
    public const int NameMaxLength = 120;

    private CatalogDomain() { }

    public CatalogDomain(string name, string slug, int position)
    {
        Id = Guid.NewGuid();
        Rename(name, slug, position);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public int Position { get; private set; }

    public void Rename(string name, string slug, int position)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("Le nom du domaine est obligatoire.");
        if (name.Trim().Length > NameMaxLength)
            throw new DomainException($"Le nom du domaine ne peut pas dépasser {NameMaxLength} caractères.");
        if (!Slugs.IsValid(slug))
            throw new DomainException("L'identifiant d'URL du domaine ne peut contenir que des lettres minuscules non accentuées, des chiffres et des tirets.");
        Name = name.Trim();
        Slug = slug;
        Position = position;
    }
}
