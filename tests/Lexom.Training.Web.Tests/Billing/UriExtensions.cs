namespace Lexom.Training.Web.Tests.Billing;

internal static class UriExtensions
{
    /// <summary>The path and query of a redirect, absolute or not.</summary>
    public static string Relative(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
