using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lexom.Training.Web.Infrastructure.Security;

/// <summary>
/// Issue 9, « Bad input » (ASVS V2, input validation): a NUL character in a form field is refused with the French
/// 400 page before any binding. PostgreSQL cannot store it in a text value (it would fail the query: a 500), and no
/// field of the app has a use for it. ASP.NET Core's URL-encoded form reader already refuses it; multipart forms come here
/// (Kestrel refuses it in the path; the pages that read a query string handle it themselves, see CatalogPagesTests).
/// </summary>
public sealed class NulCharacterFilter : IAsyncResourceFilter, IOrderedFilter
{
    /// <summary>After <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> (900): the form is read under the action's own limits.</summary>
    public int Order => 1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        // The error page that re-executes a refused request shows its French message whatever the request held.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var request = context.HttpContext.Request;
        var hasNul = false;
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                hasNul = form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul)) || form.Files.Any(f => HasNul(f.FileName) || HasNul(f.Name));
            }
            catch (InvalidDataException)
            {
                // A form that cannot be read at all (limits, broken encoding) is a bad request too.
                hasNul = true;
            }
        }
        if (hasNul)
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
