using Lexom.Training.Documents;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>LEXOM's legal identity for documents and e-mails (LW3).</summary>
public interface ISellerIdentityProvider
{
    SellerIdentity Current();
}

/// <summary>
/// Reads the section "Lexom:Seller" (legal name, form, address, SIRET, RCS, VAT number, NDA, bank…).
/// Without it, documents carry the demo placeholder identity, which prints a visible "fictive" banner;
/// in Production that is logged as an error at start-up, since no real document may leave with it.
/// </summary>
public sealed class SellerIdentityProvider : ISellerIdentityProvider
{
    public const string Section = "Lexom:Seller";

    private readonly SellerIdentity _identity;

    public SellerIdentityProvider(IConfiguration configuration, IHostEnvironment environment, ILogger<SellerIdentityProvider> logger)
    {
        var section = configuration.GetSection(Section);
        if (section.Exists() && section["LegalName"] is { Length: > 0 })
        {
            _identity = section.Get<SellerIdentity>()
                ?? throw new InvalidOperationException($"La section {Section} est illisible.");
        }
        else
        {
            _identity = SellerIdentity.DemoPlaceholder;
            if (environment.IsProduction())
                logger.LogError("La section {Section} manque : les documents porteront une identité fictive", Section);
        }
    }

    public SellerIdentity Current() => _identity;
}
