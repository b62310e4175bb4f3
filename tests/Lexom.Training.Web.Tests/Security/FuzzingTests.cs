using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Lexom.Training.Web.Tests.Security;

/// <summary>
/// Issue 9, « Bad input » (ASVS V1, V2): 1 000 malformed or hostile submissions, generated from a fixed seed, to every
/// public and client form: wrong types, huge strings, control characters, NUL, invalid UTF-8 and lone surrogates,
/// script and SQL payloads, missing or wrong antiforgery tokens, wrong content types, duplicate and missing fields.
/// Each must answer without a 5xx, write nothing (every table's rows compared before and after), and show the form
/// again with its French message (a flash message on the page it goes back to, for the client's buttons), or the
/// French 400 page when the token is missing or wrong. No payload is ever echoed unencoded.
/// </summary>
public sealed class FuzzingTests(SecuredWorld world) : IClassFixture<SecuredWorld>
{
    private const int Seed = 20260302;
    private const int Submissions = 1000;

    private enum Answer
    {
        /// <summary>200, the form again with its errors.</summary>
        FormAgain,

        /// <summary>302 back to a page that shows a French error flash.</summary>
        FlashBack,
    }

    /// <summary>A form: who posts it, from which page (its token), its valid-looking fields, the fields whose bad value
    /// alone makes it invalid, the fields free text may go to, and how it answers an invalid one.</summary>
    private sealed record Target(string Name, Caller Caller, string Page, string Action, Dictionary<string, string> Fields,
        string[] Breaking, string[] FreeText, Answer Answer);

    private List<Target> Targets() =>
    [
        new("demande de proposition", Caller.Anonymous, "/demande-de-proposition", "/demande-de-proposition", new()
            {
                ["Formation"] = "RCL-RCL-02", ["ClientKind"] = "entreprise", ["CompanyName"] = "Coteaux SCA", ["Siret"] = "73282932000074",
                ["VatNumber"] = "", ["ContactName"] = "Marie Dupont", ["Email"] = "marie@exemple.test", ["Phone"] = "04 75 00 00 01",
                ["AddressLine1"] = "1 rue Haute", ["AddressLine2"] = "", ["PostalCode"] = "07150", ["City"] = "Vallon", ["Format"] = "inter",
                ["WishedStart"] = "2026-04-13", ["WishedDates"] = "", ["Place"] = "", ["ParticipantCount"] = "2", ["ParticipantNames"] = "",
                ["Message"] = "", ["Website"] = "", ["SubmissionKey"] = Guid.NewGuid().ToString(),
            },
            ["Email", "Siret", "ParticipantCount", "ClientKind", "Format", "PostalCode"],
            ["CompanyName", "ContactName", "Phone", "AddressLine1", "AddressLine2", "City", "WishedDates", "Place", "ParticipantNames", "Message"],
            Answer.FormAgain),
        new("programme par e-mail", Caller.Anonymous, "/formations/RCL-RCL-02", "/formations/RCL-RCL-02/programme-par-email",
            new() { ["Email"] = "visiteur@exemple.test", ["Website"] = "" }, ["Email"], [], Answer.FormAgain),
        new("connexion", Caller.Anonymous, "/compte/connexion", "/compte/connexion",
            new() { ["Email"] = "inconnu@exemple.test", ["Password"] = "une phrase de passe assez longue", ["ReturnUrl"] = "/gestion" },
            ["Email", "Password"], ["ReturnUrl"], Answer.FormAgain),
        new("invitation (mot de passe)", Caller.Anonymous, "/compte/connexion", "/compte/invitation",
            new() { ["Email"] = "client.a@exemple.test", ["Jeton"] = "CfDJ8jeton", ["Password"] = "une phrase de passe assez longue", ["ConfirmPassword"] = "une phrase de passe assez longue" },
            ["Jeton"], ["Email", "Password", "ConfirmPassword"], Answer.FormAgain),
        new("acceptation en ligne", Caller.ClientA, $"/espace-client/propositions/{world.A.OpenProposalId}", $"/espace-client/propositions/{world.A.OpenProposalId}/accepter",
            new() { ["SignatoryName"] = "Marie Dupont", ["Mention"] = "Bon pour accord", ["CgvAccepted"] = "true", ["Participants[" + Guid.NewGuid() + "]"] = "Paul Martin" },
            ["Mention", "CgvAccepted"], ["SignatoryName"], Answer.FormAgain),
        new("rétractation", Caller.ClientA, $"/espace-client/commandes/{world.A.OrderId}", $"/espace-client/commandes/{world.A.OrderId}/retractation",
            new() { ["confirm"] = "false" }, ["confirm"], [], Answer.FlashBack),
        new("nouvelle version", Caller.ClientA, $"/espace-client/propositions/{world.A.OpenProposalId}", $"/espace-client/propositions/{world.A.OpenProposalId}/nouvelle-version",
            new() { ["motif"] = "" }, ["motif"], ["motif"], Answer.FlashBack),
    ];

    [Fact]
    public async Task A_thousand_hostile_submissions_to_every_public_and_client_form_get_a_French_answer_and_write_nothing()
    {
        var random = new Random(Seed);
        var targets = Targets();
        var tokens = new Dictionary<Caller, string>();
        foreach (var caller in targets.Select(t => t.Caller).Distinct()) tokens[caller] = await world.TokenOfAsync(caller);
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        var fingerprint = await world.FingerprintAsync();

        for (var i = 0; i < Submissions && failures.Count < 20; i++)
        {
            var target = targets[i % targets.Count];
            var submission = Generate(random, target, tokens[target.Caller]);
            kinds[submission.Kind] = kinds.GetValueOrDefault(submission.Kind) + 1;
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Action) { Content = submission.Content };
            using var response = await world.As(target.Caller).Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var what = $"n°{i} {target.Name} [{submission.Kind}] {submission.Description}";

            var problem = await ProblemAsync(target, submission, response, body);
            if (problem is not null) failures.Add($"{what} : {problem}");
            if (body.Contains("<script>alert", StringComparison.OrdinalIgnoreCase) || body.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
                failures.Add($"{what} : charge renvoyée sans encodage");

            var now = await world.FingerprintAsync();
            if (now != fingerprint)
            {
                failures.Add($"{what} : une ligne a été écrite");
                fingerprint = now;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(kinds.Count >= 8, "Genres d'envoi : " + string.Join(", ", kinds.Select(k => $"{k.Key}={k.Value}")));
    }

    private async Task<string?> ProblemAsync(Target target, Submission submission, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status}";
        // A NUL byte makes the form unreadable to ASP.NET Core's form reader: the request is refused as a whole, with the French 400 page.
        var refusedAsUnreadable = submission.HasNul && status == 400 && body.Contains("Demande invalide", StringComparison.Ordinal);
        if (refusedAsUnreadable) return null;
        if (submission.Expects400)
            return status == 400 && body.Contains("Demande invalide", StringComparison.Ordinal) ? null : $"{status}, attendu la page 400 : {body[..Math.Min(300, body.Length)]}";
        if (target.Answer == Answer.FormAgain)
            return status == 200 && HasFrenchError(body) ? null : $"{status} {response.Headers.Location}, attendu le formulaire et son message";
        if (status != 302 || response.Headers.Location is not { } location) return $"{status}, attendu un retour à la page";
        var page = await world.As(target.Caller).Http.GetStringAsync(location);
        return page.Contains("flash-error", StringComparison.Ordinal) ? null : $"pas de message d'erreur sur {location}";
    }

    private static bool HasFrenchError(string body) =>
        body.Contains("Le formulaire n'a pas été enregistré", StringComparison.Ordinal) || body.Contains("flash-error", StringComparison.Ordinal)
        || body.Contains("class=\"field-error\"", StringComparison.Ordinal);

    private sealed record Submission(string Kind, string Description, HttpContent Content, bool Expects400)
    {
        public bool HasNul { get; init; }
    }

    private static Submission Generate(Random random, Target target, string token)
    {
        var fields = target.Fields.Select(f => (f.Key, Value: Encoding.UTF8.GetBytes(f.Value))).ToList();
        var broken = target.Breaking[random.Next(target.Breaking.Length)];
        var (badName, bad) = Hostile(random, broken);
        var description = $"{broken}={badName}";
        // Free text gets hostile noise too (it may stay valid: the breaking field makes the whole invalid).
        foreach (var free in target.FreeText.Where(_ => random.Next(3) == 0))
        {
            var (noiseName, noise) = Hostile(random, free);
            Set(fields, free, noise);
            description += $", {free}={noiseName}";
        }
        Set(fields, broken, bad);

        var roll = random.Next(100);
        var hasNul = fields.Any(f => f.Value.Contains((byte)0));
        return Build(random, target, token, fields, broken, bad, description, roll) with { HasNul = hasNul };
    }

    private static Submission Build(Random random, Target target, string token, List<(string Key, byte[] Value)> fields, string broken, byte[] bad, string description, int roll)
    {
        if (roll < 8)
            return new("sans jeton", description, UrlEncoded(fields), true);
        if (roll < 14)
            return new("jeton faux", description, UrlEncoded([.. fields, ("__RequestVerificationToken", Encoding.UTF8.GetBytes(token[..^6] + "AAAAAA"))]), true);
        if (roll < 22)
        {
            var type = new[] { "application/json", "text/plain", "application/xml", "application/octet-stream" }[random.Next(4)];
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"__RequestVerificationToken\":\"" + token + "\",\"" + broken + "\":\"<script>alert(1)</script>\"}"));
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            return new("mauvais type", $"{type} {description}", content, true);
        }
        fields.Add(("__RequestVerificationToken", Encoding.UTF8.GetBytes(token)));
        if (roll < 32)
        {
            fields.RemoveAll(f => f.Key == broken);
            return new("champ absent", $"sans {broken}", UrlEncoded(fields), false);
        }
        if (roll < 42)
        {
            // The bad value first, then the good one: the first value is the one bound.
            fields.Add((broken, Encoding.UTF8.GetBytes(target.Fields[broken])));
            return new("champ en double", description, UrlEncoded(fields), false);
        }
        if (roll < 52)
            return new("multipart", description, Multipart(fields), false);
        if (roll < 60)
        {
            fields.Add(($"{broken}[0]", bad));
            fields.Add(("inconnu" + random.Next(1000), bad));
            return new("champs en trop", description, UrlEncoded(fields), false);
        }
        return new("valeur hostile", description, UrlEncoded(fields), false);
    }

    /// <summary>A value that is never valid for <paramref name="field"/>: payloads, wrong types, control characters, broken encodings, huge strings.</summary>
    private static (string Name, byte[] Value) Hostile(Random random, string field)
    {
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        var options = new (string, Func<byte[]>)[]
        {
            ("script", () => Utf8("<script>alert(1)</script>")),
            ("img-onerror", () => Utf8("\"><img src=x onerror=alert(1)>")),
            ("sql-or", () => Utf8("' OR '1'='1' --")),
            ("sql-drop", () => Utf8("Robert'); DROP TABLE clients;--")),
            ("sql-union", () => Utf8("1 UNION SELECT password_hash FROM asp_net_users")),
            ("template", () => Utf8("{{7*7}}${7*7}@(1+1)")),
            ("chemin", () => Utf8("../../../../etc/passwd")),
            ("nul", () => [0x41, 0x00, 0x42]),
            ("contrôle", () => Utf8("\u0001\u0002\u0007\u001b[31m\u007f")),
            ("crlf", () => Utf8("a\r\nSet-Cookie: x=y\r\n\r\n")),
            ("bidi", () => Utf8("\u202Efdp.exe\u200B\uFEFF")),
            ("surrogat seul", () => [0x41, 0xED, 0xA0, 0x80, 0x42]),
            ("utf8 invalide", () => [0xC3, 0x28, 0xFF, 0xFE, 0x80]),
            ("énorme", () => Utf8(new string('A', 5_000 + random.Next(200_000)))),
            ("énorme unicode", () => Utf8(string.Concat(Enumerable.Repeat("😀é\u0301", 20_000)))),
            ("nombre géant", () => Utf8("99999999999999999999999999999")),
            ("négatif", () => Utf8("-1")),
            ("flottant", () => Utf8("1e308")),
            ("NaN", () => Utf8("NaN")),
            ("date impossible", () => Utf8("2026-02-30")),
            ("blancs", () => Utf8(" \t \u00A0 ")),
            ("vide", () => []),
            ("tableau", () => Utf8("[1,2,3]")),
            ("json", () => Utf8("{\"a\":1}")),
        };
        while (true)
        {
            var (name, make) = options[random.Next(options.Length)];
            var value = make();
            if (!NeverValid(field, value)) continue;
            return (name, value);
        }
    }

    /// <summary>Keeps the breaking field's value invalid: never « true » for a check box, never « Bon pour accord ».</summary>
    private static bool NeverValid(string field, byte[] value)
    {
        var text = Encoding.UTF8.GetString(value);
        return field switch
        {
            "confirm" or "CgvAccepted" => !bool.TryParse(text.Trim('\0', ' ', '\t', '\u00A0'), out var b) || !b,
            _ => true,
        };
    }

    private static void Set(List<(string Key, byte[] Value)> fields, string key, byte[] value)
    {
        var index = fields.FindIndex(f => f.Key == key);
        if (index >= 0) fields[index] = (key, value);
        else fields.Add((key, value));
    }

    /// <summary>application/x-www-form-urlencoded built by hand, so that any byte (NUL, broken UTF-8) can be sent.</summary>
    private static ByteArrayContent UrlEncoded(IEnumerable<(string Key, byte[] Value)> fields)
    {
        var body = new MemoryStream();
        var first = true;
        foreach (var (key, value) in fields)
        {
            if (!first) body.WriteByte((byte)'&');
            first = false;
            Escape(body, Encoding.UTF8.GetBytes(key));
            body.WriteByte((byte)'=');
            Escape(body, value);
        }
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static void Escape(Stream body, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.')
                body.WriteByte(b);
            else
                body.Write(Encoding.ASCII.GetBytes($"%{b:X2}"));
        }
    }

    private static MultipartFormDataContent Multipart(IEnumerable<(string Key, byte[] Value)> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new ByteArrayContent(value), key);
        return content;
    }
}
