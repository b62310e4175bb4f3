namespace Lexom.Training.Web.Features.Orders;

/// <summary>The outcome of an action on an order: done (with the order), refused with a French sentence, or not found.</summary>
public sealed record OrderResult(bool Succeeded, string? Error, Guid? OrderId = null, bool NotFound = false)
{
    public static readonly OrderResult Missing = new(false, null, NotFound: true);

    public static OrderResult Ok(Guid id) => new(true, null, id);

    public static OrderResult Refused(string error) => new(false, error);
}
