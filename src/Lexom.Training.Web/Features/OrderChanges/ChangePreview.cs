using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Web.Features.OrderChanges;

/// <summary>What a preview is about.</summary>
public enum ChangeKind
{
    /// <summary>X1–X6, C3 (and P7/LW1 within the legal period).</summary>
    Cancellation,

    /// <summary>R1–R4, X4.</summary>
    Postponement,

    /// <summary>R2: a postponed training not held six months after the order.</summary>
    Lapse,
}

/// <summary>The order as it stands before the change, for the preview's heading and facts.</summary>
public sealed record OrderFacts(
    Guid Id, string Number, string CourseTitle, string CourseReference, string ClientName, string ClientEmail, TrainingKind Kind,
    OrderStatus Status, DateOnly OrderedOn, DateOnly StartsOn, DateOnly EndsOn, Money PriceTtc, Money Deposit, Money ClientPaid,
    string? Opco)
{
    public static OrderFacts Of(Order order, Domain.Clients.Client client)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(client);
        return new(order.Id, order.ProposalNumber.ToString(), order.Course.Title, order.Course.Reference, client.Name, client.Email, order.TrainingKind,
            order.Status, order.OrderedOn, order.StartsOn, order.EndsOn, order.PriceTtc, order.DepositAmount, order.ClientPaid,
            order.HasSubrogation ? order.Opco!.Opco : null);
    }
}

/// <summary>An invoice that the confirmation will cancel by a credit note (LW4), with the rest it cancels.</summary>
public sealed record InvoiceToCredit(string Number, Money AmountDue);

/// <summary>
/// The preview of a cancellation, a postponement or the closing of a lapsed postponement: the domain's decision
/// (outcome, clause ids, French explanation, settlement) and what confirming it will do, found by applying the verb to a
/// copy of the order that is never saved. <see cref="Refusal"/> is set when nothing can be confirmed.
/// </summary>
/// <param name="ResultingStatus">The order's status once the change is applied (found by the dry run); null when refused.</param>
public sealed record ChangePreview(
    ChangeKind Kind,
    OrderFacts Order,
    string Outcome,
    IReadOnlyList<string> RuleIds,
    string Explanation,
    Settlement? Settlement,
    string? Refusal,
    string? WrittenRequest,
    string? ReasonLabel,
    int? DaysBeforeStart,
    DateOnly? NewStartsOn,
    DateOnly? NewEndsOn,
    DateOnly? LimitDate,
    OrderStatus? ResultingStatus,
    bool DepositBecomesNonRefundable,
    IReadOnlyList<InvoiceToCredit> InvoicesToCredit,
    ConfirmChangeForm Confirm)
{
    public bool CanConfirm => Refusal is null;

    /// <summary>Whether the change ends the order (cancelled, withdrawn), rather than moving its dates.</summary>
    public bool ClosesTheOrder => ResultingStatus is OrderStatus.Cancelled or OrderStatus.Withdrawn;

    public string Title => Kind switch
    {
        ChangeKind.Cancellation => "Annuler la commande",
        ChangeKind.Postponement => "Reporter la formation",
        _ => "Clore le report expiré",
    };

    public string ConfirmAction => Kind switch
    {
        ChangeKind.Cancellation => $"/gestion/commandes/{Order.Id}/annulation",
        ChangeKind.Postponement => $"/gestion/commandes/{Order.Id}/report",
        _ => $"/gestion/commandes/{Order.Id}/report/expiration",
    };

    public string ConfirmLabel => Kind switch
    {
        ChangeKind.Cancellation => "Confirmer l'annulation",
        ChangeKind.Postponement => "Confirmer le report",
        _ => "Confirmer la clôture du report",
    };
}
