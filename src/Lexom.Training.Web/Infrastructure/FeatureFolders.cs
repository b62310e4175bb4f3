using Microsoft.AspNetCore.Mvc.Razor;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>Views live beside their controller: Features/{feature}/{view}.cshtml.</summary>
public static class FeatureFolders
{
    public static IMvcBuilder AddFeatureFolders(this IMvcBuilder mvc)
    {
        mvc.Services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });
        return mvc;
    }
}
