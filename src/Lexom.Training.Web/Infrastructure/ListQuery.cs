using System.Globalization;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>
/// A staff list's filter as a query string, for its pager and export links: the keys with a value, escaped, dates as
/// <c>yyyy-MM-dd</c>, the page when past the first; "" when nothing is set.
/// </summary>
public sealed class ListQuery
{
    private readonly List<string> _parts = [];

    public ListQuery Add(string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) _parts.Add($"{key}={Uri.EscapeDataString(value)}");
        return this;
    }

    public ListQuery Add(string key, DateOnly? date) => Add(key, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public string Build(int? page)
    {
        if (page is > 1) _parts.Add($"page={page}");
        return _parts.Count == 0 ? "" : "?" + string.Join('&', _parts);
    }
}
