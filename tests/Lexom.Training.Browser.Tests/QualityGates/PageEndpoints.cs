using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Browser.Tests.QualityGates;

/// <summary>Who visits a page: nobody signed in, the demo client, the demo admin, the demo trainer.</summary>
internal enum Visitor
{
    Anonyme,
    Client,
    Admin,
    Formateur,
}

/// <summary>A GET endpoint of an MVC action, as the app's routing knows it, and who may see it.</summary>
internal sealed record PageEndpoint(string Template, string Action, IReadOnlyList<Visitor> Visitors);

/// <summary>One visit of a page: its address, the status it answers, and for a file the content type it must be served with.
/// <paramref name="Before"/> prepares what the page shows (a form posted first, for a page shown after a POST).</summary>
internal sealed record Visit(string Url, int Status = 200, string? FileType = null, Func<Microsoft.Playwright.IBrowserContext, Task>? Before = null);

internal static class PageEndpoints
{
    /// <summary>Every GET endpoint of an MVC action, read from the app's <see cref="EndpointDataSource"/>: a page added by anyone is here.</summary>
    public static async Task<IReadOnlyList<PageEndpoint>> AllAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = new List<PageEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action) continue;
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods && !methods.Contains(HttpMethods.Get)) continue;
            endpoints.Add(new PageEndpoint("/" + (endpoint.RoutePattern.RawText ?? "").Trim('/'), action.DisplayName ?? "", await VisitorsOfAsync(endpoint, policies)));
        }
        return endpoints.DistinctBy(e => e.Template).OrderBy(e => e.Template, StringComparer.Ordinal).ToList();
    }

    /// <summary>From the endpoint's authorization, its policies resolved to their roles: anonymous when allowed; the demo client when
    /// the role Client may; the trainer and the admin when both may (the sessions' pages), the admin for any other staff page.
    /// None when no demo account may.</summary>
    private static async Task<IReadOnlyList<Visitor>> VisitorsOfAsync(RouteEndpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return [Visitor.Anonyme];
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null) return [Visitor.Anonyme];
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles).ToList();
        bool May(string role) => roles.TrueForAll(allowed => allowed.Contains(role, StringComparer.Ordinal));
        if (roles.Count == 0 || May(Roles.Client)) return [Visitor.Client];
        var staff = new List<Visitor>();
        if (May(Roles.Trainer)) staff.Add(Visitor.Formateur);
        if (May(Roles.Admin)) staff.Add(Visitor.Admin);
        return staff;
    }

    /// <summary>Files answered by an address's extension: checked for their status and content type, not rendered.</summary>
    public static readonly IReadOnlyDictionary<string, string> FileTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".csv"] = "text/csv",
        [".zip"] = "application/zip",
        [".json"] = "application/json",
        [".ics"] = "text/calendar",
    };

    /// <summary>The endpoints that are not visited, each with its reason. Keep it short: a page that can be reached belongs in <see cref="Recipes"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/erreur"] = "the unhandled-exception page: the same view as /erreur/{code:int}, which is visited",
    };

    /// <summary>
    /// The addresses to visit for each route template with route values, filled from the seeded demo. A new GET endpoint with a
    /// route value fails <c>Every_get_endpoint_has_a_recipe_or_is_skipped_with_a_reason</c> until it is given one here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<DemoData, IEnumerable<Visit>>> Recipes = new Dictionary<string, Func<DemoData, IEnumerable<Visit>>>(StringComparer.Ordinal)
    {
        // Public
        ["/formations/{reference}"] = _ => [new("/formations/RCL-RCL-02"), new("/formations/ex-man-01")],
        ["/formations/{reference}/programme.pdf"] = _ => [new("/formations/RCL-RCL-02/programme.pdf", FileType: "application/pdf")],
        ["/formations/{reference}/programme-par-email"] = _ => [new("/formations/RCL-RCL-02/programme-par-email")],
        ["/formations/{reference}/programme-par-email/envoye"] = _ =>
            [new("/formations/RCL-RCL-02/programme-par-email/envoye", Before: c => Forms.PostAsync(c, "/formations/RCL-RCL-02/programme-par-email",
                ("Email", "lecteur@exemple.demo"), ("Website", "")))],
        ["/erreur/{code:int}"] = _ => [new("/erreur/404", Status: 404)],
        ["/compte/acces-refuse"] = _ => [new("/compte/acces-refuse", Status: 403)],
        ["/compte/invitation"] = d => [new(d.InvitationUrl), new("/compte/invitation?email=inconnu%40exemple.demo&jeton=altere")],

        // Client space (the demo client)
        ["/espace-client/propositions/{id:guid}"] = d => [new($"/espace-client/propositions/{d.IssuedProposalId}")],
        ["/espace-client/propositions/{id:guid}/pdf"] = d => [new($"/espace-client/propositions/{d.IssuedProposalId}/pdf", FileType: "application/pdf")],
        ["/espace-client/commandes/{id:guid}"] = d => [new($"/espace-client/commandes/{d.DemoOrderId}")],
        ["/espace-client/fichiers/{id:guid}"] = d => [new($"/espace-client/fichiers/{d.ClientFileId}", FileType: "application/pdf")],

        // Staff
        ["/gestion/catalogue/{reference}"] = _ => [new("/gestion/catalogue/RCL-RCL-02")],
        ["/gestion/catalogue/{reference}/modifier"] = _ => [new("/gestion/catalogue/RCL-RCL-02/modifier")],
        ["/gestion/catalogue/{reference}/programme/jour/{day:int}"] = _ => [new("/gestion/catalogue/RCL-RCL-02/programme/jour/1")],
        ["/gestion/demandes/{id:guid}"] = d => [new($"/gestion/demandes/{d.RequestId}")],
        ["/gestion/clients/{id:guid}"] = d => [new($"/gestion/clients/{d.RequestClientId}"), new($"/gestion/clients/{d.DemoClientId}")],
        ["/gestion/propositions/{id:guid}"] = d => [new($"/gestion/propositions/{d.DraftProposalId}"), new($"/gestion/propositions/{d.IssuedProposalId}")],
        ["/gestion/propositions/{id:guid}/pdf"] = d => [new($"/gestion/propositions/{d.IssuedProposalId}/pdf", FileType: "application/pdf")],
        ["/gestion/commandes/{id:guid}"] = d =>
            [new($"/gestion/commandes/{d.DemoOrderId}"), new($"/gestion/commandes/{d.ClosedOrderId}"), new($"/gestion/commandes/{d.OpcoOrderId}")],
        ["/gestion/commandes/{id:guid}/report/expiration"] = d => [new($"/gestion/commandes/{d.OpcoOrderId}/report/expiration")],
        ["/gestion/factures/{id:guid}/pdf"] = d => [new($"/gestion/factures/{d.FinalInvoiceId}/pdf", FileType: "application/pdf")],
        ["/gestion/fichiers/{id:guid}"] = d => [new($"/gestion/fichiers/{d.StaffFileId}", FileType: "application/pdf")],
        ["/gestion/emails/{id:guid}"] = d => [new($"/gestion/emails/{d.EmailWithAttachmentId}")],
        ["/gestion/emails/{id:guid}/pieces/{index:int}"] = d => [new($"/gestion/emails/{d.EmailWithAttachmentId}/pieces/0", FileType: "application/octet-stream")],
        ["/gestion/sessions/{id:guid}"] = d => [new($"/gestion/sessions/{d.PlannedSessionId}"), new($"/gestion/sessions/{d.ClosedSessionId}")],
        ["/gestion/sessions/{id:guid}/emargement"] = d =>
            [new($"/gestion/sessions/{d.PlannedSessionId}/emargement"), new($"/gestion/sessions/{d.ClosedSessionId}/emargement?jour={DemoData.Iso(DemoData.PastStart)}")],
        ["/gestion/sessions/{id:guid}/emargement.pdf"] = d => [new($"/gestion/sessions/{d.ClosedSessionId}/emargement.pdf", FileType: "application/pdf")],
        ["/gestion/sessions/{id:guid}/attestations"] = d => [new($"/gestion/sessions/{d.ClosedSessionId}/attestations")],
        ["/gestion/rgpd/clients/{id:guid}"] = d => [new($"/gestion/rgpd/clients/{d.RequestClientId}"), new($"/gestion/rgpd/clients/{d.DemoClientId}")],
        ["/gestion/rgpd/clients/{id:guid}/export.zip"] = d => [new($"/gestion/rgpd/clients/{d.DemoClientId}/export.zip", FileType: "application/zip")],
    };

    /// <summary>The visits of an endpoint: its recipe, or its own path when it has no route value (a file when its extension says so).</summary>
    public static IReadOnlyList<Visit>? VisitsOf(PageEndpoint endpoint, DemoData data)
    {
        if (Recipes.TryGetValue(endpoint.Template, out var recipe)) return recipe(data).ToList();
        if (endpoint.Template.Contains('{', StringComparison.Ordinal)) return null;
        return FileTypes.TryGetValue(Path.GetExtension(endpoint.Template), out var type) ? [new(endpoint.Template, FileType: type)] : [new(endpoint.Template)];
    }
}
