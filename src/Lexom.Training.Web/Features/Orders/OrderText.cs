using System.Globalization;
using Lexom.Training.Domain.Orders;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>The French words of the order pages, and the URL keys of their filters.</summary>
public static class OrderText
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PendingSignatureAndDeposit => "En attente",
        OrderStatus.Confirmed => "Confirmée",
        OrderStatus.Postponed => "Reportée",
        OrderStatus.Completed => "Réalisée",
        OrderStatus.Cancelled => "Annulée",
        OrderStatus.Withdrawn => "Rétractée",
        _ => "Résolue",
    };

    public static readonly IReadOnlyList<(string Key, OrderStatus Status)> StatusKeys =
    [
        ("en-attente", OrderStatus.PendingSignatureAndDeposit),
        ("confirmee", OrderStatus.Confirmed),
        ("reportee", OrderStatus.Postponed),
        ("realisee", OrderStatus.Completed),
        ("annulee", OrderStatus.Cancelled),
        ("retractee", OrderStatus.Withdrawn),
        ("resolue", OrderStatus.Terminated),
    ];

    public static OrderStatus? StatusOf(string? key) =>
        StatusKeys.Where(k => k.Key == key).Select(k => (OrderStatus?)k.Status).FirstOrDefault();

    /// <summary>C2: the key of the status filter that shows the unconfirmed orders close to their start (<see cref="OrderList.ToConfirm"/>).</summary>
    public const string ToConfirmKey = "a-risque";

    /// <summary>C2: the title of that section and the label of that filter.</summary>
    public const string ToConfirmTitle = "À confirmer avant le début (C2)";

    public static string Document(SignedDocumentKind kind) => kind switch
    {
        SignedDocumentKind.ProposalBonPourAccord => "Proposition signée « BON POUR ACCORD »",
        SignedDocumentKind.Cgv => "CGV paraphées et signées",
        _ => "Contrat de formation signé",
    };

    public static readonly IReadOnlyList<(string Key, SignedDocumentKind Kind)> DocumentKeys =
    [
        ("proposition", SignedDocumentKind.ProposalBonPourAccord),
        ("cgv", SignedDocumentKind.Cgv),
        ("contrat", SignedDocumentKind.TrainingContract),
    ];

    public static SignedDocumentKind? DocumentOf(string? key) =>
        DocumentKeys.Where(k => k.Key == key).Select(k => (SignedDocumentKind?)k.Kind).FirstOrDefault();

    public static readonly IReadOnlyList<(string Key, PaymentMethod Method)> MethodKeys =
    [
        ("virement", PaymentMethod.Transfer),
        ("cheque", PaymentMethod.Cheque),
        ("carte", PaymentMethod.Card),
        ("prelevement", PaymentMethod.DirectDebit),
        ("especes", PaymentMethod.Cash),
    ];

    public static PaymentMethod? MethodOf(string? key) =>
        MethodKeys.Where(k => k.Key == key).Select(k => (PaymentMethod?)k.Method).FirstOrDefault();

    /// <summary>"1 285,20", "1285.20" or "1285,2 €" → 1285.20; null when it is not an amount in euros and cents.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
               && value == Math.Round(value, 2) && value < 10_000_000m ? value : null;
    }
}
