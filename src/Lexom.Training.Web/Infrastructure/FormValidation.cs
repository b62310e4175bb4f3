using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>How every form is checked: FluentValidation called explicitly, its French messages put on the
/// model state beside the binding errors (a number that is not one), valid only when both are clean.</summary>
public static class FormValidation
{
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T form, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(modelState);
        var result = await validator.ValidateAsync(form, ct);
        foreach (var error in result.Errors)
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        return modelState.IsValid;
    }
}
