using System.Globalization;
using System.Text.RegularExpressions;

namespace Lexom.Training.Domain.Values;

/// <summary>The numbered kinds of documents. Each kind has its own sequence (LW4).</summary>
public enum DocumentKind
{
    /// <summary>Commercial proposal (devis), prefix DEV, with a version suffix from its second version.</summary>
    Proposal,

    /// <summary>Invoice (final invoice, invoice to an OPCO, indemnity invoice, late interest), prefix FAC.</summary>
    Invoice,

    /// <summary>Deposit invoice (facture d'acompte), prefix ACP.</summary>
    DepositInvoice,

    /// <summary>Credit note (avoir), prefix AV.</summary>
    CreditNote,
}

/// <summary>
/// The number of a proposal, an invoice, a deposit invoice or a credit note.
/// </summary>
/// <remarks>
/// <para>Scheme: <c>{PREFIX}-{YEAR}-{SEQUENCE}[-V{VERSION}]</c>.</para>
/// <list type="bullet">
/// <item><c>PREFIX</c>: DEV (proposal), FAC (invoice of any kind but deposit), ACP (deposit invoice), AV (credit note).</item>
/// <item><c>YEAR</c>: the four-digit year of the first issue.</item>
/// <item><c>SEQUENCE</c>: six digits at least, 1 for the first document of that kind in that year, then
/// continuous and without gaps (LW4). The domain formats and checks numbers; allocating the next
/// sequence safely across instances is the web project's (a database sequence row per kind and year).</item>
/// <item><c>-V{VERSION}</c>: proposals only, from version 2. A proposal re-issued after expiry (P3) or
/// replaced keeps its number and takes the next version: <c>DEV-2026-000123</c>, then
/// <c>DEV-2026-000123-V2</c>. Invoices never have versions: a wrong invoice is cancelled by a credit note.</item>
/// </list>
/// <para>Examples: <c>DEV-2026-000123-V2</c>, <c>FAC-2026-000123</c>, <c>ACP-2026-000045</c>, <c>AV-2026-000007</c>.</para>
/// </remarks>
public sealed partial record DocumentNumber
{
    private DocumentNumber(DocumentKind kind, int year, int sequence, int version)
    {
        Kind = kind;
        Year = year;
        Sequence = sequence;
        Version = version;
    }

    public DocumentKind Kind { get; }

    public int Year { get; }

    public int Sequence { get; }

    /// <summary>1 for every invoice and for the first version of a proposal.</summary>
    public int Version { get; }

    public static DocumentNumber Create(DocumentKind kind, int year, int sequence, int version = 1)
    {
        if (year is < 2000 or > 9999)
        {
            throw new DomainException("L'année d'un numéro de document doit avoir quatre chiffres.", "LW4");
        }

        if (sequence < 1)
        {
            throw new DomainException("Le numéro d'ordre d'un document commence à 1.", "LW4");
        }

        if (version < 1 || (kind != DocumentKind.Proposal && version != 1))
        {
            throw new DomainException("Seule une proposition commerciale peut avoir une version.", "LW4");
        }

        return new DocumentNumber(kind, year, sequence, version);
    }

    /// <summary>The same proposal number with the next version suffix (P3).</summary>
    public DocumentNumber NextVersion() =>
        Kind == DocumentKind.Proposal
            ? new DocumentNumber(Kind, Year, Sequence, Version + 1)
            : throw new DomainException("Une facture ou un avoir n'a pas de version : on l'annule par un avoir.", "LW4");

    /// <summary>The number of the following document in the same sequence.</summary>
    public DocumentNumber NextInSequence() => new(Kind, Year, Sequence + 1, 1);

    /// <summary>
    /// LW4: the sequence numbers missing from a set of numbers of one kind and one year (an audit of
    /// the continuous sequence); empty when the set runs 1, 2, 3… without a gap.
    /// </summary>
    public static IReadOnlyList<int> GapsIn(IEnumerable<DocumentNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var list = numbers.ToList();
        if (list.Select(n => (n.Kind, n.Year)).Distinct().Count() > 1)
        {
            throw new ArgumentException("One kind and one year at a time.", nameof(numbers));
        }

        var present = list.Select(n => n.Sequence).ToHashSet();
        var max = present.Count == 0 ? 0 : present.Max();
        return [.. Enumerable.Range(1, max).Where(i => !present.Contains(i))];
    }

    public static string PrefixOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Proposal => "DEV",
        DocumentKind.Invoice => "FAC",
        DocumentKind.DepositInvoice => "ACP",
        DocumentKind.CreditNote => "AV",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DocumentNumber Parse(string text) =>
        TryParse(text, out var number)
            ? number
            : throw new DomainException($"« {text} » n'est pas un numéro de document valide.", "LW4");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DocumentNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var kind = match.Groups["prefix"].Value switch
        {
            "DEV" => DocumentKind.Proposal,
            "FAC" => DocumentKind.Invoice,
            "ACP" => DocumentKind.DepositInvoice,
            _ => DocumentKind.CreditNote,
        };
        var version = match.Groups["version"].Success
            ? int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture)
            : 1;
        if (match.Groups["version"].Success && (kind != DocumentKind.Proposal || version < 2))
        {
            return false;
        }

        number = new DocumentNumber(
            kind,
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture),
            version);
        return number.Sequence >= 1;
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{PrefixOf(Kind)}-{Year:D4}-{Sequence:D6}");
        return Version > 1 ? string.Create(CultureInfo.InvariantCulture, $"{text}-V{Version}") : text;
    }

    [GeneratedRegex(@"^(?<prefix>DEV|FAC|ACP|AV)-(?<year>\d{4})-(?<sequence>\d{6,9})(-V(?<version>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
