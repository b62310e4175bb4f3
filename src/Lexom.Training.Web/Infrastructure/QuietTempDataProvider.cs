using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>
/// The cookie TempData provider (the layout's flash messages), minus one thing: with nothing to keep and no TempData cookie
/// in the request, it writes no cookie. The stock provider answers every page that reads TempData with a Set-Cookie that
/// deletes a cookie the visitor never had, and a response with Set-Cookie is never output-cached (docs/performance.md).
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName)) return;
        inner.SaveTempData(context, values);
    }
}
