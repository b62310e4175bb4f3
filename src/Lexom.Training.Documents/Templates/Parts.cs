using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>Blocks shared by several documents: chrome, parties, line tables, totals, legal mentions.</summary>
internal static class Parts
{
    public static PageChrome Chrome(SellerIdentity seller, string title, string reference, bool initialsBox = false) => new()
    {
        DocumentTitle = title,
        DocumentReference = reference,
        FooterLegalLine = LegalLine(seller),
        PlaceholderBanner = seller.IsPlaceholder,
        InitialsBox = initialsBox,
    };

    /// <summary>LW3 seller identity in one line, plus the NDA mention that training documents must carry.</summary>
    public static string LegalLine(SellerIdentity s)
        => $"{s.LegalName}, {s.LegalForm} — {string.Join(", ", s.Address.Lines())} — SIRET {FormatSiret(s.Siret)} — {s.Rcs} — "
           + $"TVA intracommunautaire {s.VatNumber} — Déclaration d'activité n° {s.TrainingDeclarationNumber} enregistrée auprès du préfet de région "
           + $"{s.TrainingDeclarationRegion} (cet enregistrement ne vaut pas agrément de l'État) — DPO : {s.DpoEmail}";

    public static string FormatSiret(string siret)
    {
        var d = siret.Replace(" ", "", StringComparison.Ordinal);
        return d.Length == 14 ? $"{d[..3]} {d[3..6]} {d[6..9]} {d[9..]}" : siret;
    }

    public static string FormatSiren(string siren)
    {
        var d = siren.Replace(" ", "", StringComparison.Ordinal);
        return d.Length == 9 ? $"{d[..3]} {d[3..6]} {d[6..]}" : siren;
    }

    public static string FormatIban(string iban)
    {
        var d = iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return string.Join(' ', d.Chunk(4).Select(c => new string(c)));
    }

    public static BoxSpec SellerBox(SellerIdentity s, string title = "Organisme de formation")
    {
        var lines = new List<string> { $"{s.LegalName}, {s.LegalForm}" };
        lines.AddRange(s.Address.Lines());
        lines.Add($"SIRET {FormatSiret(s.Siret)} — {s.Rcs}");
        lines.Add($"TVA {s.VatNumber}");
        lines.Add($"NDA {s.TrainingDeclarationNumber} ({s.TrainingDeclarationRegion})");
        lines.Add($"{s.Email} — {s.Phone}");
        return new BoxSpec(title, lines.Select((l, i) => (IReadOnlyList<Span>)[new Span(l, i == 0 ? Theme.BodyBold : Theme.Body)]).ToList());
    }

    public static BoxSpec ClientBox(ClientIdentity c, string? title = null, bool withBilling = true)
    {
        var paragraphs = new List<IReadOnlyList<Span>> { new[] { new Span(c.Name, Theme.BodyBold) } };
        if (c.Kind == ClientKind.Company)
        {
            paragraphs.Add([new Span("SIREN " + (string.IsNullOrWhiteSpace(c.Siren) ? "non communiqué" : FormatSiren(c.Siren)), Theme.Body)]);
        }
        else
        {
            paragraphs.Add([new Span("Particulier (personne physique)", Theme.Body)]);
        }

        paragraphs.AddRange(c.Address.Lines().Select(l => (IReadOnlyList<Span>)[new Span(l, Theme.Body)]));
        if (!string.IsNullOrWhiteSpace(c.VatNumber))
        {
            paragraphs.Add([new Span("TVA " + c.VatNumber, Theme.Body)]);
        }

        if (!string.IsNullOrWhiteSpace(c.ContactName))
        {
            var contact = string.Join(" — ", new[] { c.ContactName, c.ContactEmail, c.ContactPhone }.Where(x => !string.IsNullOrWhiteSpace(x)));
            paragraphs.Add([new Span("Contact : ", Theme.BodyBold), new Span(contact, Theme.Body)]);
        }

        if (withBilling)
        {
            paragraphs.Add([new Span("Adresse de facturation : ", Theme.BodyBold), new Span(string.Join(", ", c.EffectiveBillingAddress.Lines()), Theme.Body)]);
        }

        return new BoxSpec(title ?? (c.Kind == ClientKind.Company ? "Client" : "Client (particulier)"), paragraphs);
    }

    /// <summary>Label/value rows with a bold label column.</summary>
    public static void Facts(FlowDocument doc, IEnumerable<(string Label, string Value)> facts, double labelWeight = 1.45, double valueWeight = 4)
        => doc.Table(
            [new TableColumn("", labelWeight), new TableColumn("", valueWeight)],
            facts.Select(f => TableRow.Of(f.Label, f.Value)),
            new TableOptions { ShowHeader = false, BoldFirstColumn = true, Zebra = false, PadY = 2.5, SpaceAfter = 6 });

    /// <summary>M3 line table: description, quantity, unit price HT, VAT rate, total HT.</summary>
    public static void LinesTable(FlowDocument doc, IReadOnlyList<DocumentLine> lines)
        => doc.Table(
            [
                new TableColumn("Désignation", 4.6),
                new TableColumn("Quantité", 1.7, TextAlign.Right),
                new TableColumn("Prix unitaire HT", 1.5, TextAlign.Right),
                new TableColumn("TVA", 0.8, TextAlign.Right),
                new TableColumn("Total HT", 1.5, TextAlign.Right),
            ],
            lines.Select(l => TableRow.Of(
                l.Description,
                Fr.Number(l.Quantity) + (string.IsNullOrWhiteSpace(l.Unit) ? "" : " " + l.Unit),
                Fr.Money(l.UnitPriceExclVat),
                Fr.Percent(l.VatRate),
                Fr.Money(DocumentTotals.LineTotal(l)))),
            new TableOptions { SpaceAfter = 6 });

    /// <summary>Totals block on the right: HT, VAT per rate, TTC, then any extra rows.</summary>
    public static void TotalsTable(FlowDocument doc, DocumentTotals t, IEnumerable<TableRow>? extra = null, string ttcLabel = "Total TTC")
    {
        var rows = new List<TableRow> { TableRow.Of("Total HT", Fr.Money(t.TotalExclVat)) };
        rows.AddRange(t.VatByRate.Select(v => TableRow.Of($"TVA {Fr.Percent(v.Rate)} sur {Fr.Money(v.BaseExclVat)}", Fr.Money(v.Vat))));
        rows.Add(new TableRow([ttcLabel, Fr.Money(t.TotalInclVat)], RowKind.Strong));
        if (extra is not null)
        {
            rows.AddRange(extra);
        }

        doc.Table(
            [new TableColumn("", 2.3), new TableColumn("", 1.2, TextAlign.Right)],
            rows,
            new TableOptions { ShowHeader = false, Width = 320, AlignRight = true, Zebra = false, PadY = 3 });
    }

    /// <summary>M2: what the price includes and excludes.</summary>
    public const string TravelAndMealsMention =
        "Nos prix sont indiqués hors taxes et majorés de la TVA au taux en vigueur. Ils ne comprennent pas les frais de déplacement "
        + "et de bouche (repas) des stagiaires ; ils comprennent les frais de déplacement et de bouche du formateur (CGV 3.1).";

    /// <summary>LW3 / L1–L2: late-payment rate; L3: the 40 € indemnity for companies only.</summary>
    public static IEnumerable<string> PaymentMentions(ClientKind kind)
    {
        yield return "Pas d'escompte pour paiement anticipé.";
        yield return "En cas de retard de paiement, des intérêts de retard sont dus de plein droit, sans mise en demeure préalable, au taux "
                     + "directeur semestriel de la Banque centrale européenne (taux de refinancement) majoré de 10 points, sans pouvoir être "
                     + "inférieur à trois fois le taux de l'intérêt légal, appliqué au montant TTC restant dû (CGV 3.4).";
        if (kind == ClientKind.Company)
        {
            yield return "Tout retard de paiement entraîne en outre, pour les clients professionnels, une indemnité forfaitaire pour frais de "
                         + "recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce).";
        }
    }

    public static string SessionsText(IReadOnlyList<SessionSchedule> sessions)
        => sessions.Count == 1
            ? Capitalize(Fr.Range(sessions[0].Start, sessions[0].End))
            : string.Join("\n", sessions.Select((s, i) => $"Session {i + 1} : {Fr.Range(s.Start, s.End)}"));

    public static string PlacesText(IReadOnlyList<SessionSchedule> sessions)
    {
        var places = sessions.Select(s => s.Place).Distinct(StringComparer.Ordinal).ToList();
        return places.Count == 1 ? places[0] : string.Join("\n", sessions.Select((s, i) => $"Session {i + 1} : {s.Place}"));
    }

    public static string FormatText(SessionFormat format) => format == SessionFormat.Inter
        ? "INTER — session interentreprises"
        : "INTRA — session organisée pour le seul personnel du client";

    /// <summary>Participants in three columns, numbered; placeholders are printed as given.</summary>
    public static void Participants(FlowDocument doc, int count, IReadOnlyList<string> names)
    {
        var list = names.ToList();
        for (var i = list.Count; i < count; i++)
        {
            list.Add("Participant à confirmer");
        }

        // Row-major (1 2 3 / 4 5 6): reads in order even when the list continues on the next page.
        const int columns = 3;
        var rows = list
            .Select((name, i) => $"{i + 1}. {name}")
            .Chunk(columns)
            .Select(chunk => new TableRow(chunk.Concat(Enumerable.Repeat("", columns - chunk.Length)).ToArray()))
            .ToList();

        doc.Table(
            [new TableColumn("", 1), new TableColumn("", 1), new TableColumn("", 1)],
            rows,
            new TableOptions { ShowHeader = false, Zebra = false, Rules = false, PadY = 1.2, Body = Theme.Body.WithSize(8.5), SpaceAfter = 6 });
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Fr.Culture) + s[1..];

    public static IReadOnlyList<Span> Para(string text, TextStyle? style = null) => [new Span(text, style ?? Theme.Body)];

    public static IReadOnlyList<Span> Labelled(string label, string value) => [new Span(label + " : ", Theme.BodyBold), new Span(value, Theme.Body)];
}
