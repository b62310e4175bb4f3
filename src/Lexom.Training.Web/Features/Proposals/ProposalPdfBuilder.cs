using System.Text.RegularExpressions;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using DocAddress = Lexom.Training.Documents.PostalAddress;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>
/// The proposal PDF's record, from the issued proposal's frozen data only (number, dates, course snapshot,
/// lines, VAT rate, deposit rate, CGV version): rendering it again gives the same content.
/// </summary>
public static partial class ProposalPdfBuilder
{
    public static ProposalDocument Build(Proposal p, Client client, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(client);
        if (p.Number is null || p.IssuedOn is null || p.ValidUntil is null || p.VatRate is null)
            throw new InvalidOperationException("Seule une proposition émise a un PDF.");
        var vat = p.VatRate.Value.Fraction;
        var number = p.Number;
        var address = Address(client.BillingAddress);
        var billing = p.BillingAddress == client.BillingAddress.ToString() ? null : Parse(p.BillingAddress);
        return new ProposalDocument
        {
            Seller = seller,
            Number = Domain.Values.DocumentNumber.Create(number.Kind, number.Year, number.Sequence).ToString(),
            Version = number.Version,
            IssuedOn = p.IssuedOn.Value,
            ValidUntil = p.ValidUntil.Value,
            Client = new ClientIdentity
            {
                Kind = client.Kind == PayerKind.Company ? ClientKind.Company : ClientKind.Individual,
                Name = client.Name,
                Siren = client.Siren,
                VatNumber = client.VatNumber,
                Address = address,
                BillingAddress = billing,
                ContactName = client.ContactName,
                ContactEmail = client.Email,
                ContactPhone = client.Phone,
            },
            Course = new CourseReference
            {
                Reference = p.Course.Reference,
                Title = p.Course.Title,
                DurationDays = p.Course.DurationDays,
                DurationHours = p.Course.DurationHours,
            },
            Format = p.TrainingKind == TrainingKind.Inter ? SessionFormat.Inter : SessionFormat.Intra,
            Sessions = p.Sessions.Select(s => new SessionSchedule { Start = s.StartsOn, End = s.EndsOn, Place = p.Place }).ToList(),
            ParticipantCount = p.Participants.Count,
            ParticipantNames = p.Participants.Select(x => x.Name).ToList(),
            Lines = p.Lines.Select(l => new DocumentLine
            {
                Description = l.Description,
                Quantity = l.Quantity,
                UnitPriceExclVat = l.UnitPriceHt.Amount,
                VatRate = vat,
            }).ToList(),
            DepositRate = p.Deposit.AppliedRate.Fraction, // M4 (LW1 caps it for an individual)
            Comment = $"Proposition établie selon les conditions générales de vente « {p.CgvVersion} », jointes en annexe.",
        };
    }

    /// <summary>
    /// P6, LW1: the training contract of a private individual, from the issued proposal's frozen data and the
    /// course's prerequisites and methods (the PDF is stored at issue, so what the client signs is frozen too).
    /// </summary>
    public static TrainingAgreementDocument BuildContract(Proposal p, Client client, SellerIdentity seller, Domain.Catalog.Course? course, bool orderedOnWebsite)
    {
        var proposal = Build(p, client, seller);
        return new TrainingAgreementDocument
        {
            Seller = seller,
            Number = proposal.Number + (p.Number!.Version > 1 ? $"-V{p.Number.Version}" : ""),
            IssuedOn = proposal.IssuedOn,
            Client = proposal.Client,
            Course = proposal.Course,
            Format = proposal.Format,
            Sessions = proposal.Sessions,
            Objectives = p.Course.Objectives,
            Prerequisites = string.IsNullOrWhiteSpace(course?.Prerequisites) ? "Aucun" : course.Prerequisites,
            PedagogicalMethods = course?.PedagogicalMethods ?? [],
            EvaluationMethods = course?.EvaluationMethods ?? (p.Course.EvaluationMethods is { } e ? [e] : []),
            ParticipantCount = proposal.ParticipantCount,
            ParticipantNames = proposal.ParticipantNames,
            Lines = proposal.Lines,
            DepositRate = proposal.DepositRate,
            OrderedOnWebsite = orderedOnWebsite,
        };
    }

    private static DocAddress Address(Domain.Clients.PostalAddress a) =>
        new() { Line1 = a.Line1, Line2 = a.Line2, PostalCode = a.PostalCode, City = a.City };

    /// <summary>A billing address typed as text: "line, [line,] 07200 Aubenas" when it has that shape.</summary>
    private static DocAddress Parse(string text)
    {
        var flat = text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ',');
        var match = AddressPattern().Match(flat);
        if (!match.Success) return new DocAddress { Line1 = flat.Trim(), PostalCode = "", City = "" };
        var lines = match.Groups["lines"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DocAddress
        {
            Line1 = lines.Length > 0 ? lines[0] : "",
            Line2 = lines.Length > 1 ? string.Join(", ", lines[1..]) : null,
            PostalCode = match.Groups["cp"].Value,
            City = match.Groups["city"].Value.Trim(),
        };
    }

    [GeneratedRegex(@"^(?<lines>.*?),\s*(?<cp>\d{5})\s+(?<city>[^,]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
