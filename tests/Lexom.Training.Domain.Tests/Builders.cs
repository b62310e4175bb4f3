using System.Globalization;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Tests;

/// <summary>Short names for test data: dates, euros, the VAT table, numbers and the builders.</summary>
public static class A
{
    public static readonly VatRateTable Vat = new([
        new VatRate(Percentage.Of(19.6m), new DateOnly(2000, 1, 1), new DateOnly(2013, 12, 31)),
        new VatRate(Percentage.Of(20m), new DateOnly(2014, 1, 1)),
    ]);

    private static int _sequence;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Money E(decimal euros) => Money.Euros(euros);

    public static DocumentNumber Number(DocumentKind kind) =>
        DocumentNumber.Create(kind, 2026, Interlocked.Increment(ref _sequence));

    public static WrittenNotice Letter(string iso) => new(D(iso), "courrier-" + iso + ".pdf");

    public static CourseSnapshot Crm(int? max = null) => new(
        "CRM - fondamentaux et enjeux", "RCL-RCL-02",
        ["Utiliser le CRM", "Prioriser le capital client au centre de la stratégie", "Identifier les enjeux du CRM"],
        2, 14m, max, "Action de formation", "Réalisation de cas pratiques ; mise en application des méthodes");

    public static ProposalBuilder AProposal() => new();

    public static OrderBuilder AnOrder() => new();

    /// <summary>Example rates of the spec for the first half of 2026 and others around it.</summary>
    public static LateInterestRateTable Rates() => new([
        new HalfYearRates(2025, 2, Percentage.Of(2.15m), Percentage.Of(2.76m)),
        new HalfYearRates(2026, 1, Percentage.Of(2.15m), Percentage.Of(3.00m)),
        new HalfYearRates(2026, 2, Percentage.Of(2.40m), Percentage.Of(4.50m)),
        new HalfYearRates(2027, 1, Percentage.Of(2.40m), Percentage.Of(4.00m)),
    ]);
}

public sealed class ProposalBuilder
{
    private PayerKind _payer = PayerKind.Company;
    private SalesChannel _channel = SalesChannel.Staff;
    private TrainingKind _kind = TrainingKind.Inter;
    private int _participants = 3;
    private int _placeholders;
    private Money _unit = Money.Euros(1190m);
    private readonly List<(string Description, decimal Quantity, Money Unit)> _extraLines = [];
    private bool _noDefaultLine;
    private int? _max;
    private readonly List<(DateOnly Start, DateOnly End)> _sessions = [];
    private DateOnly _issuedOn = A.D("2026-01-05");
    private Percentage _depositRate = CgvReadings.DefaultDepositRate;
    private Money _preparationCost = Money.Zero;
    private string _place = "Aubenas";
    private string _billing = "LEXOM Client SA, 1 rue du Port, 07200 Aubenas";

    public ProposalBuilder For(int participants)
    {
        _participants = participants;
        return this;
    }

    public ProposalBuilder WithPlaceholders(int count)
    {
        _placeholders = count;
        return this;
    }

    public ProposalBuilder At(decimal unitPriceHt)
    {
        _unit = Money.Euros(unitPriceHt);
        return this;
    }

    public ProposalBuilder OnlyLine(string description, decimal quantity, decimal unit)
    {
        _noDefaultLine = true;
        _extraLines.Add((description, quantity, Money.Euros(unit)));
        return this;
    }

    public ProposalBuilder AndLine(string description, decimal quantity, decimal unit)
    {
        _extraLines.Add((description, quantity, Money.Euros(unit)));
        return this;
    }

    public ProposalBuilder MaxPerSession(int max)
    {
        _max = max;
        return this;
    }

    public ProposalBuilder Session(string start, string end)
    {
        _sessions.Add((A.D(start), A.D(end)));
        return this;
    }

    public ProposalBuilder Intra()
    {
        _kind = TrainingKind.Intra;
        return this;
    }

    public ProposalBuilder Kind(TrainingKind kind)
    {
        _kind = kind;
        return this;
    }

    public ProposalBuilder PrivateIndividual()
    {
        _payer = PayerKind.PrivateIndividual;
        return this;
    }

    public ProposalBuilder Payer(PayerKind payer)
    {
        _payer = payer;
        return this;
    }

    public ProposalBuilder OnWebsite()
    {
        _channel = SalesChannel.Website;
        return this;
    }

    public ProposalBuilder IssuedOn(string iso)
    {
        _issuedOn = A.D(iso);
        return this;
    }

    public ProposalBuilder DepositRate(decimal points)
    {
        _depositRate = Percentage.Of(points);
        return this;
    }

    public ProposalBuilder PreparationCost(decimal euros)
    {
        _preparationCost = Money.Euros(euros);
        return this;
    }

    public ProposalBuilder WithoutPlace()
    {
        _place = string.Empty;
        return this;
    }

    public ProposalBuilder WithoutBillingAddress()
    {
        _billing = string.Empty;
        return this;
    }

    public DateOnly IssueDate => _issuedOn;

    public PayerKind PayerKind => _payer;

    public Proposal BuildDraft()
    {
        var p = Proposal.Draft(Guid.NewGuid(), _payer, _channel, _kind, A.Crm(_max), _depositRate, _issuedOn);
        p.SetPlace(_place);
        p.SetBillingAddress(_billing);
        p.SetPreparationCost(_preparationCost);
        if (_sessions.Count == 0)
        {
            p.AddSession(A.D("2026-03-16"), A.D("2026-03-17"));
        }

        foreach (var (start, end) in _sessions)
        {
            p.AddSession(start, end);
        }

        for (var i = 0; i < _participants; i++)
        {
            p.AddParticipant(Guid.NewGuid(), i < _placeholders ? null : "Participant " + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (!_noDefaultLine)
        {
            p.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", _participants, _unit);
        }

        foreach (var (description, quantity, unit) in _extraLines)
        {
            p.AddLine(Guid.NewGuid(), description, quantity, unit);
        }

        return p;
    }

    /// <summary>An issued proposal.</summary>
    public Proposal Build()
    {
        var p = BuildDraft();
        p.Issue(_issuedOn, "CGV-2026-01", A.Vat, A.Number(DocumentKind.Proposal));
        return p;
    }

    public Proposal BuildAccepted(DateOnly acceptedOn)
    {
        var p = Build();
        p.Accept(acceptedOn);
        return p;
    }
}

public sealed class OrderBuilder
{
    private readonly ProposalBuilder _proposal = new();
    private DateOnly _orderedOn = A.D("2026-01-10");
    private OpcoFunding? _opco;

    public OrderBuilder Like(Action<ProposalBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_proposal);
        return this;
    }

    public OrderBuilder OrderedOn(string iso)
    {
        _orderedOn = A.D(iso);
        return this;
    }

    public OrderBuilder WithOpco(decimal agreedTtc, decimal indemnityCoverage = 0m, bool subrogation = true)
    {
        _opco = new OpcoFunding("AKTO", "AK-2026-42", Money.Euros(agreedTtc), "accord-akto.pdf", _orderedOn, subrogation, Money.Euros(indemnityCoverage));
        return this;
    }

    /// <summary>Accepted, pending signature and deposit.</summary>
    public Order Build()
    {
        var proposal = _proposal.BuildAccepted(_orderedOn);
        var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, _orderedOn);
        if (_opco is not null)
        {
            order.RecordOpcoFunding(_opco);
        }

        return order;
    }

    /// <summary>Documents signed on the order date; no deposit.</summary>
    public Order SignedWithoutDeposit()
    {
        var order = Build();
        foreach (var kind in order.RequiredDocuments)
        {
            order.RecordSignedDocument(kind, _orderedOn, kind + ".pdf");
        }

        return order;
    }

    /// <summary>Documents signed and the deposit invoiced and paid as soon as the law allows (C1).</summary>
    public Order Confirmed()
    {
        var order = SignedWithoutDeposit();
        var day = order.Withdrawal().PaymentsMayBeAskedFrom!.Value;
        var invoice = order.IssueDepositInvoice(Guid.NewGuid(), A.Number(DocumentKind.DepositInvoice), day);
        order.RecordPayment(invoice.Id, Guid.NewGuid(), invoice.Ttc, day, "virement acompte");
        return order;
    }

    public Order Completed()
    {
        var order = Confirmed();
        order.Complete(order.EndsOn);
        return order;
    }
}
