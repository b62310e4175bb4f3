using System.Net;
using System.Text.RegularExpressions;

namespace Lexom.Training.Web.Tests.Infrastructure;

/// <summary>An HTTP client that behaves like a browser's form posts: reads the antiforgery token from
/// the page that holds the form, then posts it with the cookies.</summary>
public sealed partial class TestClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<string> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode}, attendu {(int)expected}\n{Excerpt(body)}");
        return Readable(body);
    }

    /// <summary>HTML entities decoded and French typographic spaces (U+202F in "1 190,00", U+00A0 before "€")
    /// made plain, so that assertions read like the page.</summary>
    public static string Readable(string html) =>
        WebUtility.HtmlDecode(html).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    /// <summary>GETs <paramref name="formPage"/>, takes its antiforgery token, POSTs the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetPageAsync(formPage);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"Pas de jeton antiforgery sur {formPage}");
        var all = fields.Append(new("__RequestVerificationToken", token.Groups[1].Value)).ToList();
        return await http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostFormAsync(string formPage, string action, params (string Key, string Value)[] fields) =>
        PostFormAsync(formPage, action, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Like <see cref="PostFormAsync(string, string, IEnumerable{KeyValuePair{string, string}})"/>, as multipart/form-data with files.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string Field, string FileName, string ContentType, byte[] Content)> files)
    {
        var page = await GetPageAsync(formPage);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"Pas de jeton antiforgery sur {formPage}");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", token.Groups[1].Value)))
            content.Add(new StringContent(value), key);
        foreach (var (field, fileName, contentType, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(part, field, fileName);
        }
        return await http.PostAsync(action, content);
    }

    public async Task LoginAsync(string email, string password)
    {
        using var response = await PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Connexion refusée pour {email}: {(int)response.StatusCode}\n{Excerpt(await response.Content.ReadAsStringAsync())}");
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response) =>
        Readable(await response.Content.ReadAsStringAsync());

    private static string Excerpt(string body) => body.Length > 1500 ? body[..1500] : body;

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
