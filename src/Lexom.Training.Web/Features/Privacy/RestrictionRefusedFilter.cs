using Lexom.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G3: a write refused by a restriction (<see cref="PrivacyGuard.Refusal"/>) that a handler did not turn into a message
/// itself is one anyway: back to the page the form came from (same site only) with the French sentence, never an error page.
/// </summary>
public sealed class RestrictionRefusedFilter(ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DomainException { RuleId: PrivacyGuard.RuleId } refused) return;
        var http = context.HttpContext;
        tempData.GetTempData(http)["FlashError"] = refused.Message;
        var referer = http.Request.Headers.Referer.ToString();
        var back = Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host ? uri.PathAndQuery : "/gestion";
        context.Result = new RedirectResult(back);
        context.ExceptionHandled = true;
    }
}
