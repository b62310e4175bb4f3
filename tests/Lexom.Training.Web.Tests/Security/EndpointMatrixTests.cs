using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Security;

/// <summary>Who may call an endpoint (G2; ASVS V8).</summary>
public enum Access
{
    /// <summary>Everyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in account.</summary>
    SignedIn,

    /// <summary>Commercial and Administrateur (policy Staff).</summary>
    Staff,

    /// <summary>Administrateur only.</summary>
    Admin,

    /// <summary>Formateur (their own session), Commercial, Administrateur (policy Sessions).</summary>
    Sessions,

    /// <summary>A client account, for its own records: client A reaches A's, client B gets a 404 for the same id.</summary>
    ClientOwn,

    /// <summary>A client account, on its own home page (no id).</summary>
    Client,
}

/// <summary>
/// Issue 9, item 1 (G2; ASVS V8): every endpoint of the app, from the endpoint data source, against anonymous, client A,
/// client B, a trainer, a sales person and an administrator. Route values are real ids of the seeded world (client A's
/// proposal, order, invoice, file…); the expected outcome comes from the row's access. A new endpoint without a row fails
/// the test. POSTs are sent only by the callers who must be refused, with a valid antiforgery token of their own, and the
/// database must be left exactly as it was.
/// </summary>
public sealed partial class EndpointMatrixTests(SecuredWorld world) : IClassFixture<SecuredWorld>
{
    /// <summary>One row per endpoint: "METHOD route template" → who, and the status the allowed callers get on a GET.</summary>
    private static readonly Dictionary<string, (Access Access, HttpStatusCode Allowed)> Matrix = new()
    {
        // Public pages and forms
        ["GET /"] = (Access.Public, HttpStatusCode.OK),
        ["GET /formations"] = (Access.Public, HttpStatusCode.OK),
        ["GET /formations/{reference}"] = (Access.Public, HttpStatusCode.OK),
        ["GET /formations/{reference}/programme.pdf"] = (Access.Public, HttpStatusCode.OK),
        ["GET /formations/{reference}/programme-par-email"] = (Access.Public, HttpStatusCode.OK),
        ["POST /formations/{reference}/programme-par-email"] = (Access.Public, HttpStatusCode.OK),
        ["GET /formations/{reference}/programme-par-email/envoye"] = (Access.Public, HttpStatusCode.Redirect),
        ["GET /demande-de-proposition"] = (Access.Public, HttpStatusCode.OK),
        ["POST /demande-de-proposition"] = (Access.Public, HttpStatusCode.OK),
        ["GET /demande-de-proposition/merci"] = (Access.Public, HttpStatusCode.OK),
        ["GET /cgv"] = (Access.Public, HttpStatusCode.OK),
        ["GET /confidentialite"] = (Access.Public, HttpStatusCode.OK),
        ["GET /compte/connexion"] = (Access.Public, HttpStatusCode.OK),
        ["POST /compte/connexion"] = (Access.Public, HttpStatusCode.OK),
        ["GET /compte/acces-refuse"] = (Access.Public, HttpStatusCode.Forbidden),
        ["GET /compte/invitation"] = (Access.Public, HttpStatusCode.OK),
        ["POST /compte/invitation"] = (Access.Public, HttpStatusCode.OK),
        ["POST /compte/deconnexion"] = (Access.SignedIn, HttpStatusCode.Redirect),
        ["* /erreur"] = (Access.Public, HttpStatusCode.InternalServerError),
        ["* /erreur/{code:int}"] = (Access.Public, HttpStatusCode.NotFound),
        ["GET /erreur/essai-exception"] = (Access.Public, HttpStatusCode.InternalServerError),
        ["* /health"] = (Access.Public, HttpStatusCode.OK),
        ["* /{**path}"] = (Access.Public, HttpStatusCode.NotFound),

        // Staff (Commercial, Administrateur)
        ["GET /gestion"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/catalogue"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/catalogue/domaines"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/catalogue/{reference}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/clients/{id:guid}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/commandes"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/commandes/export.csv"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/commandes/{id:guid}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/commandes/{id:guid}/report/expiration"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/demandes"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/demandes/{id:guid}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/factures"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/factures/export-ecritures.csv"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/factures/export-paiements.csv"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/factures/{id:guid}/pdf"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/fichiers/{id:guid}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/opco"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/propositions"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/propositions/export.csv"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/propositions/nouvelle"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/propositions/{id:guid}"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/propositions/{id:guid}/pdf"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/retards"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/sessions/nouvelle"] = (Access.Staff, HttpStatusCode.OK),
        ["GET /gestion/sessions/{id:guid}/attestations"] = (Access.Staff, HttpStatusCode.OK),
        ["POST /gestion/commandes/{id:guid}/acompte"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/annulation"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/annulation/apercu"] = (Access.Staff, HttpStatusCode.OK),
        ["POST /gestion/commandes/{id:guid}/clore"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/documents"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/facture-finale"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/facture-opco"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/factures/{invoiceId:guid}/paiement"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/mise-en-demeure"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/mise-en-demeure/reponse"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/opco"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/opco/cloture"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/penalites/{invoiceId:guid}"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/remboursements"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/report"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/report/apercu"] = (Access.Staff, HttpStatusCode.OK),
        ["POST /gestion/commandes/{id:guid}/report/expiration"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/resolution"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/demandes/{id:guid}/classer"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/demandes/{id:guid}/prendre"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/demandes/{requestId:guid}/proposition"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/propositions/nouvelle"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/propositions/{id:guid}"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/propositions/{id:guid}/acceptation-papier"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/propositions/{id:guid}/emettre"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/propositions/{id:guid}/nouvelle-version"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/nouvelle"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/attestations/{attestationId:guid}/renvoi"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/cloture"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/desinscription"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/formateur"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/inscriptions"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/annulation"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/annulation/apercu"] = (Access.Staff, HttpStatusCode.OK),
        ["POST /gestion/sessions/{id:guid}/convocations"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/deplacement"] = (Access.Staff, HttpStatusCode.Redirect),
        ["POST /gestion/sessions/{id:guid}/deplacement/apercu"] = (Access.Staff, HttpStatusCode.OK),
        ["POST /gestion/sessions/{id:guid}/participants/{participantId:guid}/email"] = (Access.Staff, HttpStatusCode.Redirect),

        // Administrateur only
        ["GET /gestion/catalogue/nouvelle"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/catalogue/{reference}/modifier"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/catalogue/{reference}/programme/jour/{day:int}"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/emails"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/emails/{id:guid}"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/emails/{id:guid}/pieces/{index:int}"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/parametres/taux"] = (Access.Admin, HttpStatusCode.OK),
        ["POST /gestion/catalogue/domaines"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/domaines/{id:guid}"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/nouvelle"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/{reference}/depublier"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/{reference}/modifier"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/{reference}/programme/jour/{day:int}"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/{reference}/programme/jour/{day:int}/supprimer"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/catalogue/{reference}/publier"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/commandes/{id:guid}/factures/{invoiceId:guid}/avoir"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/emails/reessayer-les-echecs"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/emails/{id:guid}/reessayer"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/parametres/taux"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/parametres/taux/{year:int}/{half:int}"] = (Access.Admin, HttpStatusCode.Redirect),
        ["GET /gestion/audit"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/audit/export.csv"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/rgpd"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/rgpd/clients/{id:guid}"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/rgpd/clients/{id:guid}/export.zip"] = (Access.Admin, HttpStatusCode.OK),
        ["GET /gestion/rgpd/retention"] = (Access.Admin, HttpStatusCode.OK),
        ["POST /gestion/rgpd/clients/{id:guid}/demande"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/rgpd/clients/{id:guid}/effacement"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/rgpd/clients/{id:guid}/limitation"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/rgpd/clients/{id:guid}/opposition"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/rgpd/demandes/{id:guid}/reponse"] = (Access.Admin, HttpStatusCode.Redirect),
        ["POST /gestion/rgpd/retention"] = (Access.Admin, HttpStatusCode.Redirect),

        // Sessions: the trainer of the session, and the staff
        ["GET /gestion/sessions"] = (Access.Sessions, HttpStatusCode.OK),
        ["GET /gestion/sessions/{id:guid}"] = (Access.Sessions, HttpStatusCode.OK),
        ["GET /gestion/sessions/{id:guid}/emargement"] = (Access.Sessions, HttpStatusCode.OK),
        ["GET /gestion/sessions/{id:guid}/emargement.pdf"] = (Access.Sessions, HttpStatusCode.OK),
        ["POST /gestion/sessions/{id:guid}/emargement"] = (Access.Sessions, HttpStatusCode.Redirect),

        // Client space
        ["GET /espace-client"] = (Access.Client, HttpStatusCode.OK),
        ["GET /espace-client/propositions/{id:guid}"] = (Access.ClientOwn, HttpStatusCode.OK),
        ["GET /espace-client/propositions/{id:guid}/pdf"] = (Access.ClientOwn, HttpStatusCode.OK),
        ["POST /espace-client/propositions/{id:guid}/accepter"] = (Access.ClientOwn, HttpStatusCode.OK),
        ["POST /espace-client/propositions/{id:guid}/nouvelle-version"] = (Access.ClientOwn, HttpStatusCode.Redirect),
        ["GET /espace-client/commandes/{id:guid}"] = (Access.ClientOwn, HttpStatusCode.OK),
        ["POST /espace-client/commandes/{id:guid}/retractation"] = (Access.ClientOwn, HttpStatusCode.Redirect),
        ["GET /espace-client/fichiers/{id:guid}"] = (Access.ClientOwn, HttpStatusCode.OK),
        ["GET /espace-client/mes-donnees"] = (Access.Client, HttpStatusCode.OK),
        ["GET /espace-client/mes-donnees/export.zip"] = (Access.Client, HttpStatusCode.OK),
        ["POST /espace-client/mes-donnees/coordonnees"] = (Access.Client, HttpStatusCode.Redirect),
        ["POST /espace-client/mes-donnees/demande"] = (Access.Client, HttpStatusCode.Redirect),
        ["POST /espace-client/mes-donnees/opposition"] = (Access.Client, HttpStatusCode.Redirect),
    };

    [Fact]
    public void Every_endpoint_has_a_row_and_declares_its_policy()
    {
        var endpoints = Endpoints();
        var missing = endpoints.Where(e => !Matrix.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, "Sans ligne dans la matrice :\n" + string.Join("\n", missing));
        var stale = Matrix.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "Lignes sans endpoint :\n" + string.Join("\n", stale));
        var undeclared = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.Key).ToList();
        Assert.True(undeclared.Count == 0, "Sans [Authorize] ni [AllowAnonymous] :\n" + string.Join("\n", undeclared));
        // The files of wwwroot (CSS, scripts, images, vendored libraries) are public; nothing else is served from there.
        var assets = world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(IsStaticAsset).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.NotNull(a.Metadata.GetMetadata<IAllowAnonymous>()));
        Assert.All(assets, a => Assert.Matches("^/?(css|js|img|lib)/", a.RoutePattern.RawText!));
    }

    [Fact]
    public async Task Every_GET_answers_each_caller_as_its_row_says()
    {
        var failures = new List<string>();
        foreach (var (key, _) in Endpoints().Where(e => !e.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var (access, allowed) = Matrix[key];
            var (method, template) = Split(key);
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var url = UrlFor(template);
                using var request = new HttpRequestMessage(method == "HEAD" ? HttpMethod.Head : HttpMethod.Get, url);
                using var response = await world.As(caller).Http.SendAsync(request);
                var expected = Expected(access, caller);
                var problem = Check(response, expected, allowed);
                if (problem is not null) failures.Add($"{key} ({url}) en {caller} : {problem}");
                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
                    failures.AddRange(InlineCode(await response.Content.ReadAsStringAsync()).Select(i => $"{key} en {caller} : code en ligne « {i} » (CSP)"));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_POST_is_refused_to_the_callers_who_may_not_send_it_before_anything_is_written()
    {
        var failures = new List<string>();
        var posted = 0;
        foreach (var (key, _) in Endpoints().Where(e => e.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var (access, allowed) = Matrix[key];
            var (_, template) = Split(key);
            var before = await world.FingerprintAsync();
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expected = Expected(access, caller);
                if (expected == Outcome.Allowed) continue; // what the allowed callers do is each feature's own tests
                var url = UrlFor(template);
                using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", await world.TokenOfAsync(caller)), new("confirm", "true")]);
                using var response = await world.As(caller).Http.PostAsync(url, content);
                posted++;
                var problem = Check(response, expected, allowed);
                if (problem is not null) failures.Add($"{key} ({url}) en {caller} : {problem}");
            }
            var after = await world.FingerprintAsync();
            if (before != after) failures.Add($"{key} : la base a changé après des envois refusés\n{Diff(before, after)}");
        }
        Assert.True(posted > 100, $"{posted} envois seulement");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Client_A_never_reaches_client_B_s_proposals_orders_invoices_or_files_by_changing_an_id()
    {
        var a = world.As(Caller.ClientA);
        foreach (var url in new[]
        {
            $"/espace-client/propositions/{world.B.ProposalId}", $"/espace-client/propositions/{world.B.OpenProposalId}",
            $"/espace-client/propositions/{world.B.OpenProposalId}/pdf", $"/espace-client/commandes/{world.B.OrderId}",
            $"/espace-client/fichiers/{world.B.FileId}", $"/espace-client/fichiers/{world.B.InvoiceId}",
        })
        {
            using var response = await a.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} : {(int)response.StatusCode}");
        }
        // Client B's invoice PDFs are files of B: none of them opens for A, and none of A's opens for B.
        await using var db = world.OpenDb();
        var filesOfB = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.StoredFiles.Where(f => f.ClientId == world.B.ClientId).Select(f => f.Id));
        Assert.NotEmpty(filesOfB);
        foreach (var id in filesOfB)
        {
            using var response = await a.GetAsync($"/espace-client/fichiers/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var own = await a.GetAsync($"/espace-client/fichiers/{world.A.FileId}"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        // Nor by posting: accepting or withdrawing from B's records is a 404 that writes nothing.
        var before = await world.FingerprintAsync();
        foreach (var url in new[] { $"/espace-client/propositions/{world.B.OpenProposalId}/accepter", $"/espace-client/propositions/{world.B.OpenProposalId}/nouvelle-version", $"/espace-client/commandes/{world.B.OrderId}/retractation" })
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", await world.TokenOfAsync(Caller.ClientA)), new("confirm", "true"),
                new("SignatoryName", "Marie-Christine Dupont"), new("Mention", "Bon pour accord"), new("CgvAccepted", "true")]);
            using var response = await a.Http.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} : {(int)response.StatusCode}");
        }
        Assert.Equal(before, await world.FingerprintAsync());
    }

    [Fact]
    public async Task A_trainer_sees_only_their_own_sessions()
    {
        var trainer = world.As(Caller.Trainer);
        foreach (var url in new[] { $"/gestion/sessions/{world.OtherSessionId}", $"/gestion/sessions/{world.OtherSessionId}/emargement", $"/gestion/sessions/{world.OtherSessionId}/emargement.pdf" })
        {
            using var response = await trainer.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || IsDenied(response), $"{url} : {(int)response.StatusCode}");
        }
        using var own = await trainer.GetAsync($"/gestion/sessions/{world.TrainerSessionId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private enum Outcome
    {
        Allowed,
        Login,
        Denied,
        NotFound,
    }

    private static Outcome Expected(Access access, Caller caller) => (access, caller) switch
    {
        (Access.Public, _) => Outcome.Allowed,
        (_, Caller.Anonymous) => Outcome.Login,
        (Access.SignedIn, _) => Outcome.Allowed,
        (Access.Staff, Caller.Sales or Caller.Admin) => Outcome.Allowed,
        (Access.Admin, Caller.Admin) => Outcome.Allowed,
        (Access.Sessions, Caller.Trainer or Caller.Sales or Caller.Admin) => Outcome.Allowed,
        (Access.Client, Caller.ClientA or Caller.ClientB) => Outcome.Allowed,
        (Access.ClientOwn, Caller.ClientA) => Outcome.Allowed,
        (Access.ClientOwn, Caller.ClientB) => Outcome.NotFound,
        _ => Outcome.Denied,
    };

    private static string? Check(HttpResponseMessage response, Outcome expected, HttpStatusCode allowed)
    {
        var status = response.StatusCode;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var ok = expected switch
        {
            Outcome.Login => status == HttpStatusCode.Redirect && location.StartsWith("/compte/connexion", StringComparison.Ordinal),
            Outcome.Denied => IsDenied(response),
            Outcome.NotFound => status == HttpStatusCode.NotFound,
            _ => status == allowed && !location.StartsWith("/compte/", StringComparison.Ordinal),
        };
        var want = expected == Outcome.Allowed ? $"{(int)allowed}" : expected.ToString();
        return ok ? null : $"{(int)status} {location}, attendu {want}";
    }

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } l
        && (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString).StartsWith("/compte/acces-refuse", StringComparison.Ordinal);

    private static (string Method, string Template) Split(string key) =>
        (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    /// <summary>The template with real ids of client A's records (the one before <c>{id}</c> says which), the trainer's session…</summary>
    private string UrlFor(string template) => RouteValue().Replace(template, m =>
    {
        var before = template[..m.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return m.Groups[1].Value switch
        {
            "id" => (segment switch
            {
                "propositions" when template.StartsWith("/espace-client", StringComparison.Ordinal) => world.A.OpenProposalId,
                "propositions" => world.A.ProposalId,
                "commandes" => world.A.OrderId,
                "factures" => world.A.InvoiceId,
                "fichiers" => world.A.FileId,
                "demandes" => world.A.RequestId,
                "clients" => world.A.ClientId,
                "sessions" => world.TrainerSessionId,
                "emails" => world.OutboxMessageId,
                "domaines" => world.DomainId,
                _ => throw new InvalidOperationException($"Quel {{id}} pour {template} ?"),
            }).ToString(),
            "invoiceId" => world.A.InvoiceId.ToString(),
            "requestId" => world.A.RequestId.ToString(),
            "attestationId" or "participantId" => Guid.NewGuid().ToString(),
            "reference" => "RCL-RCL-02",
            "day" => "1",
            "code" => "404",
            "year" => "2026",
            "half" => "1",
            "index" => "0",
            "path" => "page-absente",
            var name => throw new InvalidOperationException($"Quelle valeur pour {{{name}}} dans {template} ?"),
        };
    });

    /// <summary>CSP (ASVS 3.4.3): no inline script, style attribute or event handler in a page (JSON data blocks never run).</summary>
    internal static IEnumerable<string> InlineCode(string html) =>
        InlineScript().Matches(html).Concat(InlineStyleOrHandler().Matches(QuotedValue().Replace(html, "\"\""))).Select(m => m.Value);

    private static string Diff(string before, string after) =>
        string.Join("\n", after.Split('\n').Except(before.Split('\n')));

    [GeneratedRegex(@"\{(?:\*\*)?(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\s(?:style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();

    /// <summary>Attribute values (an e-mail preview's <c>srcdoc</c> holds encoded HTML that is not the page's own).</summary>
    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex QuotedValue();

    private List<(string Key, RouteEndpoint Endpoint)> Endpoints()
    {
        var source = world.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => ($"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", e)))
            .DistinctBy(e => e.Item1)
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsStaticAsset(RouteEndpoint e) => e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
}
