using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Errors;

/// <summary>Error pages in French; never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[AllowAnonymous]
// The status code pages re-execute a failed request here with its method: a refused POST (no antiforgery token, too
// many requests) still gets its French page, not an empty 400.
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    /// <summary>A route mapped in the Testing environment only, that throws (see ServiceRegistration).</summary>
    public const string ThrowingTestPath = "/erreur/essai-exception";

    [Route("/erreur")]
    public IActionResult ServerError()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
            logger.LogError(feature.Error, "Erreur non gérée sur {Path}", feature.Path);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorView(500, "Une erreur inattendue s'est produite", "Nous en avons été informés. Réessayez dans un instant ; si le problème persiste, écrivez-nous à formation@lexom.fr."));
    }

    // No action parameter: binding one would read the form of a re-executed POST, and a form that cannot be read
    // (a NUL byte, say) would turn the French 400 page into a 500.
    [Route("/erreur/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 500;
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return View("Error", code switch
        {
            404 => new ErrorView(404, "Page introuvable", "La page demandée n'existe pas ou n'est plus en ligne. Retrouvez toutes nos formations dans le catalogue."),
            403 => new ErrorView(403, "Accès refusé", "Vous n'avez pas accès à cette page."),
            400 => new ErrorView(400, "Demande invalide", "La demande n'a pas pu être comprise. Rechargez la page et réessayez."),
            405 => new ErrorView(405, "Action impossible", "Cette action n'est pas permise sur cette page."),
            429 => new ErrorView(429, "Trop de demandes", "Vous avez envoyé trop de demandes en peu de temps. Patientez une minute puis réessayez."),
            _ => new ErrorView(code, "Une erreur s'est produite", "Réessayez dans un instant."),
        });
    }
}

public sealed record ErrorView(int Code, string Title, string Message);
