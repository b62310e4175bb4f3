using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Orders;

/// <summary>
/// The contract born from an accepted proposal: pending signature and deposit → confirmed (C1) →
/// completed, or cancelled / postponed / withdrawn / terminated. It holds its participants, its
/// OPCO funding, its invoices with their payments, its refunds and the decisions applied to it.
/// The price is firm (C4): nothing on the order changes it.
/// </summary>
public sealed class Order
{
    private readonly List<Participant> _participants = [];
    private readonly List<SignedDocument> _signedDocuments = [];
    private readonly List<Invoice> _invoices = [];
    private readonly List<Refund> _refunds = [];
    private readonly List<ChangeRequest> _changeRequests = [];
    private readonly List<RecordedDecision> _decisions = [];

    private Order()
    {
        ProposalNumber = null!;
        Course = null!;
        CgvVersion = string.Empty;
        Place = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ProposalId { get; private set; }

    public DocumentNumber ProposalNumber { get; private set; }

    public Guid? ClientId { get; private set; }

    public PayerKind PayerKind { get; private set; }

    public SalesChannel Channel { get; private set; }

    public TrainingKind TrainingKind { get; private set; }

    public OrderStatus Status { get; private set; }

    /// <summary>The course as the proposal froze it.</summary>
    public CourseSnapshot Course { get; private set; }

    public string CgvVersion { get; private set; }

    public string Place { get; private set; }

    public DateOnly OrderedOn { get; private set; }

    /// <summary>The first day of the (first) session; moves with a postponement.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of the (last) session; moves with a postponement.</summary>
    public DateOnly EndsOn { get; private set; }

    public DateOnly OriginalStartsOn { get; private set; }

    public Money PriceHt { get; private set; }

    public Money PriceVat { get; private set; }

    public Money PriceTtc { get; private set; }

    public Percentage VatRate { get; private set; }

    /// <summary>The deposit rate applied (M4, capped by LW1 for individuals).</summary>
    public Percentage DepositRate { get; private set; }

    public Money DepositAmount { get; private set; }

    public Money PreparationCost { get; private set; }

    public DateOnly? ConfirmedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The day the order was cancelled, withdrawn or terminated.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>R1: after a client's postponement the deposit stays with LEXOM whatever happens.</summary>
    public bool DepositNonRefundable { get; private set; }

    public OpcoFunding? Opco { get; private set; }

    public DateOnly? FormalNoticeOn { get; private set; }

    public DateOnly? FormalNoticeAnsweredOn { get; private set; }

    public IReadOnlyList<Participant> Participants => _participants;

    public IReadOnlyList<SignedDocument> SignedDocuments => _signedDocuments;

    public IReadOnlyList<Invoice> Invoices => _invoices;

    public IReadOnlyList<Refund> Refunds => _refunds;

    public IReadOnlyList<ChangeRequest> ChangeRequests => _changeRequests;

    public IReadOnlyList<RecordedDecision> Decisions => _decisions;

    /// <summary>P4: the client's acceptance in the client space, when the order was accepted online.</summary>
    public ElectronicAcceptance? OnlineAcceptance { get; private set; }

    /// <summary>C1: concluded once the signed documents and the deposit are both in.</summary>
    public bool IsContractConcluded => ConfirmedOn is not null;

    public bool HasSubrogation => Opco is { Subrogation: true, ClosedUnpaidOn: null };

    /// <summary>
    /// O2: the part of the price the OPCO is billed under subrogation: its agreed amount, at most what
    /// the client's payments leave of the price (<see cref="CgvReadings.OpcoPartAfterClientPayments"/>);
    /// frozen when the training is completed.
    /// </summary>
    public Money OpcoPart => !HasSubrogation
        ? Money.Zero
        : OpcoBillablePart ?? CgvReadings.OpcoPartAfterClientPayments(Opco!.AgreedAmount, PriceTtc, ClientPaid);

    /// <summary>O2: the OPCO part frozen at completion.</summary>
    public Money? OpcoBillablePart { get; private set; }

    /// <summary>O2: the part of the price the client pays (the whole price without subrogation).</summary>
    public Money ClientShareOfPrice => PriceTtc - OpcoPart;

    /// <summary>What the client has paid towards the price, net of refunds (late penalties are not part of it, <see cref="CgvReadings.NoLateInterestOnLatePenalties"/>).</summary>
    public Money ClientPaid => Money.Sum(_invoices.Where(i => i.Payer == InvoicePayer.Client && i.Kind != InvoiceKind.LatePenalty).Select(i => i.Paid)) - Money.Sum(_refunds.Select(r => r.Amount));

    public Money OpcoPaid => Money.Sum(_invoices.Where(i => i.Payer == InvoicePayer.Opco).Select(i => i.Paid));

    /// <summary>What remains to pay on the client's invoices issued so far.</summary>
    public Money ClientAmountDue => Money.Sum(_invoices.Where(i => i.Payer == InvoicePayer.Client).Select(i => i.AmountDue));

    /// <summary>What remains to refund under the decisions applied.</summary>
    public Money RefundDue => Money.Sum(_decisions.Select(d => d.Refund)) - Money.Sum(_refunds.Select(r => r.Amount));

    /// <summary>P4/P6: the documents that conclude the contract, by kind of client.</summary>
    public IReadOnlyList<SignedDocumentKind> RequiredDocuments => PayerKind == PayerKind.Company
        ? [SignedDocumentKind.ProposalBonPourAccord, SignedDocumentKind.Cgv]
        : [SignedDocumentKind.TrainingContract, SignedDocumentKind.Cgv];

    /// <summary>LW1: the date the individual's training contract was signed.</summary>
    public DateOnly? ContractSignedOn => _signedDocuments.Find(d => d.Kind == SignedDocumentKind.TrainingContract)?.ReceivedOn;

    /// <summary>Creates the order of an accepted proposal, with its frozen price, deposit and course.</summary>
    /// <param name="channel">Where the order was taken, when it differs from the proposal's channel: an order accepted
    /// online in the client space is a website order (<see cref="CgvReadings.OnlineAcceptanceIsAWebsiteOrder"/>).</param>
    public static Order FromAcceptedProposal(Guid id, Proposal proposal, DateOnly orderedOn, SalesChannel? channel = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Status != ProposalStatus.Accepted)
        {
            throw new DomainException("Une commande naît d'une proposition acceptée.", "P4");
        }

        var totals = proposal.Totals;
        var deposit = proposal.Deposit;
        var order = new Order
        {
            Id = id,
            ProposalId = proposal.Id,
            ProposalNumber = proposal.Number!,
            ClientId = proposal.ClientId,
            PayerKind = proposal.PayerKind,
            Channel = channel ?? proposal.Channel,
            TrainingKind = proposal.TrainingKind,
            Status = OrderStatus.PendingSignatureAndDeposit,
            Course = proposal.Course,
            CgvVersion = proposal.CgvVersion!,
            Place = proposal.Place,
            OrderedOn = orderedOn,
            StartsOn = proposal.Sessions.Min(s => s.StartsOn),
            EndsOn = proposal.Sessions.Max(s => s.EndsOn),
            PriceHt = totals.Ht,
            PriceVat = totals.Vat,
            PriceTtc = totals.Ttc,
            VatRate = proposal.VatRate!.Value,
            DepositRate = deposit.AppliedRate,
            DepositAmount = deposit.Amount,
            PreparationCost = proposal.PreparationCost,
        };
        order.OriginalStartsOn = order.StartsOn;
        order._participants.AddRange(proposal.Participants.Select(p => new Participant(Guid.NewGuid(), p.Name)));
        return order;
    }

    // ------------------------------------------------------------------ Conclusion (P4, P6, C1, C2)

    /// <summary>P4/P6: records a signed document; the order is confirmed when the deposit is in too (C1).</summary>
    public void RecordSignedDocument(SignedDocumentKind kind, DateOnly receivedOn, string reference)
    {
        EnsureStatus("enregistrer un document signé", OrderStatus.PendingSignatureAndDeposit);
        if (!RequiredDocuments.Contains(kind))
        {
            throw new DomainException(PayerKind == PayerKind.Company
                ? "Un client entreprise signe la proposition « BON POUR ACCORD » et les CGV (P4)."
                : "Un particulier signe un contrat de formation et les CGV (P6, LW1).", PayerKind == PayerKind.Company ? "P4" : "P6");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainException("Joignez le document signé reçu (une référence de fichier ou d'e-mail).", "P4");
        }

        if (_signedDocuments.Exists(d => d.Kind == kind))
        {
            throw new DomainException("Ce document signé est déjà enregistré.", "P4");
        }

        _signedDocuments.Add(new SignedDocument(kind, receivedOn, reference.Trim()));
        TryConfirm(receivedOn);
    }

    /// <summary>
    /// P4 (P6): the client accepted online in the client space: typed full name, the mention « Bon pour accord »,
    /// the CGV box ticked, with the SHA-256 of the PDF they were shown. It stands for the signed proposal (or
    /// training contract) and the signed CGV (<see cref="CgvReadings.OnlineAcceptanceStandsForSignedDocuments"/>);
    /// the order is confirmed once the deposit is in too (C1).
    /// </summary>
    public void RecordOnlineAcceptance(ElectronicAcceptance acceptance, DateOnly acceptedOn)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        EnsureStatus("enregistrer l'acceptation en ligne", OrderStatus.PendingSignatureAndDeposit);
        if (OnlineAcceptance is not null || _signedDocuments.Count > 0)
        {
            throw new DomainException("Cette commande a déjà reçu son acceptation.", "P4");
        }

        if (!string.Equals(acceptance.CgvVersion, CgvVersion, StringComparison.Ordinal))
        {
            throw new DomainException(French.Format($"Les CGV acceptées ({acceptance.CgvVersion}) ne sont pas celles de la proposition ({CgvVersion})."), "P4");
        }

        OnlineAcceptance = acceptance;
        var reference = French.Format($"Acceptation en ligne de {acceptance.SignatoryName}, SHA-256 {acceptance.DocumentSha256[..16]}…");
        foreach (var kind in RequiredDocuments)
        {
            _signedDocuments.Add(new SignedDocument(kind, acceptedOn, reference));
        }

        TryConfirm(acceptedOn);
    }

    /// <summary>
    /// M4, C1: records the deposit paid by the client: the deposit invoice (ACP) is issued on the day the payment
    /// is recorded when none is open yet, the payment is set against it, and the order is confirmed when the
    /// signed documents are in too. Never before an individual's withdrawal period is over (P7, LW1).
    /// </summary>
    /// <param name="newInvoiceNumber">The ACP number to use if the deposit invoice has to be issued; ignored otherwise.</param>
    public Payment RecordDeposit(Guid newInvoiceId, DocumentNumber? newInvoiceNumber, DateOnly issuedOn, Guid paymentId, Money amount, DateOnly receivedOn, string reference, PaymentMethod method)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainException("Indiquez la référence bancaire du paiement.", "M4");
        }

        var invoice = DepositInvoice ?? IssueDepositInvoice(newInvoiceId, newInvoiceNumber ?? throw new ArgumentNullException(nameof(newInvoiceNumber)), issuedOn);
        return RecordPayment(invoice.Id, paymentId, amount, receivedOn, reference, method);
    }

    /// <summary>M4: the deposit invoice still in force (not cancelled by a credit note), if issued.</summary>
    public Invoice? DepositInvoice => _invoices.Find(i => i.Kind == InvoiceKind.Deposit && i.Credited < i.Ttc);

    /// <summary>Whether <see cref="RecordDeposit"/> will issue a deposit invoice (and so needs an ACP number).</summary>
    public bool DepositInvoiceToIssue => DepositInvoice is null;

    /// <summary>C1: what the order still lacks to be confirmed, in French; empty once concluded.</summary>
    public IReadOnlyList<string> MissingForConfirmation()
    {
        if (IsContractConcluded)
        {
            return [];
        }

        var missing = new List<string>();
        foreach (var kind in RequiredDocuments.Where(k => !_signedDocuments.Exists(d => d.Kind == k)))
        {
            missing.Add(kind switch
            {
                SignedDocumentKind.ProposalBonPourAccord => "la proposition signée « BON POUR ACCORD »",
                SignedDocumentKind.Cgv => "les CGV paraphées et signées",
                _ => "le contrat de formation signé",
            });
        }

        if (!DepositReceived)
        {
            missing.Add(French.Format($"l'acompte de {French.Amount(DepositAmount)}"));
        }

        return missing;
    }

    /// <summary>C2: whether the participants may be convened, and what is missing.</summary>
    public ConvocationDecision Convocation() => SuspensionPolicy.ForConvocation(IsContractConcluded, MissingForConfirmation());

    /// <summary>P7, LW1: the withdrawal period and from when a payment may be asked.</summary>
    public WithdrawalDecision Withdrawal() => WithdrawalPeriod.For(PayerKind, Channel, OrderedOn, ContractSignedOn);

    /// <summary>M4: whether the deposit is paid in full (C1).</summary>
    public bool DepositReceived =>
        DepositAmount.IsZero || _invoices.Exists(i => i.Kind == InvoiceKind.Deposit && i.Paid >= DepositAmount);

    private void TryConfirm(DateOnly on)
    {
        // C1: both the signed documents and the deposit.
        if (Status == OrderStatus.PendingSignatureAndDeposit
            && RequiredDocuments.All(k => _signedDocuments.Exists(d => d.Kind == k))
            && DepositReceived)
        {
            Status = OrderStatus.Confirmed;
            ConfirmedOn = on;
        }
    }

    // ------------------------------------------------------------------ Invoices and payments (M4, M5, O2, LW4)

    /// <summary>M4: the deposit invoice; never before the withdrawal period of an individual is over (P7, LW1).</summary>
    public Invoice IssueDepositInvoice(Guid id, DocumentNumber number, DateOnly issuedOn)
    {
        EnsureStatus("émettre la facture d'acompte", OrderStatus.PendingSignatureAndDeposit);
        if (!DepositAmount.IsPositive)
        {
            throw new DomainException("Cette commande n'a pas d'acompte.", "M4");
        }

        if (_invoices.Exists(i => i.Kind == InvoiceKind.Deposit && i.Credited < i.Ttc))
        {
            throw new DomainException("La facture d'acompte est déjà émise.", "M4");
        }

        var withdrawal = Withdrawal();
        if (!withdrawal.MayAskPaymentOn(issuedOn))
        {
            throw new DomainException(withdrawal.Explanation, withdrawal.RuleIds[^1]);
        }

        return AddInvoice(new Invoice(id, number, InvoiceKind.Deposit, InvoicePayer.Client, issuedOn, DepositAmount, VatRate,
            French.Format($"Acompte de {DepositRate.ToFrench()} sur la commande {ProposalNumber}")));
    }

    /// <summary>Records a payment against one of the order's invoices; may conclude the contract (C1).</summary>
    public Payment RecordPayment(Guid invoiceId, Guid paymentId, Money amount, DateOnly receivedOn, string reference, PaymentMethod method = PaymentMethod.Transfer)
    {
        var invoice = FindInvoice(invoiceId);
        var payment = new Payment(paymentId, receivedOn, amount, reference?.Trim() ?? string.Empty, method);
        invoice.RecordPayment(payment);
        TryConfirm(receivedOn);
        return payment;
    }

    /// <summary>The training took place.</summary>
    public void Complete(DateOnly on)
    {
        EnsureStatus("clore la formation", OrderStatus.Confirmed, OrderStatus.Postponed);
        if (on < EndsOn)
        {
            throw new DomainException(French.Format($"La formation se termine le {French.Date(EndsOn)} : elle ne peut pas être close avant."));
        }

        if (HasSubrogation)
        {
            OpcoBillablePart = OpcoPart;
        }

        CompletedOn = on;
        Status = OrderStatus.Completed;
    }

    /// <summary>
    /// M5 (O2): the final invoice at the end, due on its issue date, for the client's share of the price
    /// minus what the client already paid (deposit included).
    /// </summary>
    public Invoice IssueFinalInvoice(Guid id, DocumentNumber number, DateOnly issuedOn)
    {
        EnsureStatus("émettre la facture finale", OrderStatus.Completed);
        if (_invoices.Exists(i => i.Kind == InvoiceKind.Final))
        {
            throw new DomainException("La facture finale est déjà émise.", "M5");
        }

        if (issuedOn < EndsOn)
        {
            throw new DomainException("La facture finale s'émet à la fin de la formation.", "M5");
        }

        var amount = ClientShareOfPrice.MinusFloorZero(ClientPaid);
        var label = HasSubrogation
            ? French.Format($"Solde : part client {French.Amount(ClientShareOfPrice)} (prix {French.Amount(PriceTtc)} − prise en charge OPCO {French.Amount(OpcoPart)}) − acompte et paiements reçus {French.Amount(ClientPaid)}")
            : French.Format($"Solde : prix {French.Amount(PriceTtc)} − acompte et paiements reçus {French.Amount(ClientPaid)}");
        return AddInvoice(new Invoice(id, number, InvoiceKind.Final, InvoicePayer.Client, issuedOn, amount, VatRate, label));
    }

    /// <summary>O2: the invoice to the OPCO for its agreed part.</summary>
    public Invoice IssueOpcoInvoice(Guid id, DocumentNumber number, DateOnly issuedOn)
    {
        EnsureStatus("facturer l'OPCO", OrderStatus.Completed);
        if (!HasSubrogation)
        {
            throw new DomainException("Sans subrogation, LEXOM ne facture pas l'OPCO.", "O2");
        }

        if (_invoices.Exists(i => i.Kind == InvoiceKind.Opco))
        {
            throw new DomainException("La facture à l'OPCO est déjà émise.", "O2");
        }

        if (!OpcoPart.IsPositive)
        {
            throw new DomainException("Les paiements du client couvrent déjà tout le prix : il n'y a rien à facturer à l'OPCO.", "O2");
        }

        return AddInvoice(new Invoice(id, number, InvoiceKind.Opco, InvoicePayer.Opco, issuedOn, OpcoPart, VatRate,
            French.Format($"Prise en charge {Opco!.Opco}, accord n° {Opco.AgreementNumber}")));
    }

    /// <summary>LW4: cancels the unpaid remainder of an invoice with a credit note; the invoice is never deleted.</summary>
    public Invoice CancelInvoice(Guid invoiceId, Guid creditNoteId, DocumentNumber creditNoteNumber, DateOnly issuedOn, string reason)
    {
        var invoice = FindInvoice(invoiceId);
        if (invoice.Kind == InvoiceKind.CreditNote || !invoice.AmountDue.IsPositive)
        {
            throw new DomainException(French.Format($"{invoice.Number} n'a pas de reste dû à annuler par un avoir."), "LW4");
        }

        var amount = invoice.AmountDue;
        var note = new Invoice(creditNoteId, creditNoteNumber, InvoiceKind.CreditNote, invoice.Payer, issuedOn, amount, invoice.VatRate,
            French.Format($"Avoir sur {invoice.Number} : {reason}"), invoice.Id);
        invoice.Credit(amount);
        return AddInvoice(note);
    }

    /// <summary>
    /// Bills what the last cancellation or postponement decision made due now (X2, X3, C3, R2). Open
    /// invoices of the client must first be cancelled by a credit note, so nothing is billed twice.
    /// </summary>
    public Invoice IssueIndemnityInvoice(Guid id, DocumentNumber number, DateOnly issuedOn)
    {
        var decision = _decisions.LastOrDefault(d => d.Kind is DecisionKind.Cancellation or DecisionKind.Postponement or DecisionKind.PostponementLapsed);
        if (decision is null || !decision.DueNow.IsPositive)
        {
            throw new DomainException("Aucune indemnité n'est due sur cette commande.");
        }

        if (_invoices.Exists(i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Client && i.IssuedOn >= decision.DecidedOn))
        {
            throw new DomainException("L'indemnité de cette décision est déjà facturée.");
        }

        var open = _invoices.Where(i => i.Payer == InvoicePayer.Client && i.AmountDue.IsPositive).ToList();
        if (open.Count > 0)
        {
            throw new DomainException(
                "Annulez d'abord par un avoir le reste dû des factures " + string.Join(", ", open.Select(i => i.Number.ToString())) + " : l'indemnité les remplace (LW4).", "LW4");
        }

        return AddInvoice(new Invoice(id, number, InvoiceKind.Indemnity, InvoicePayer.Client, issuedOn, decision.DueNow, VatRate,
            French.Format($"Indemnité ({decision.RuleIds}) : {decision.Explanation}")));
    }

    /// <summary>
    /// R4 (O2): with subrogation, the OPCO's part of the last indemnity (cancellation, postponement) is billed to the OPCO,
    /// the client being billed only the rest (<see cref="IssueIndemnityInvoice"/>).
    /// </summary>
    public Invoice IssueOpcoIndemnityInvoice(Guid id, DocumentNumber number, DateOnly issuedOn)
    {
        var decision = _decisions.LastOrDefault(d => d.Kind is DecisionKind.Cancellation or DecisionKind.Postponement or DecisionKind.PostponementLapsed);
        if (decision is null || !decision.OpcoPart.IsPositive || Opco is null)
        {
            throw new DomainException("Aucune part d'indemnité n'est à la charge d'un OPCO sur cette commande.", "R4");
        }

        if (_invoices.Exists(i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Opco && i.IssuedOn >= decision.DecidedOn))
        {
            throw new DomainException("La part de l'OPCO de cette indemnité est déjà facturée.", "R4");
        }

        return AddInvoice(new Invoice(id, number, InvoiceKind.Indemnity, InvoicePayer.Opco, issuedOn, decision.OpcoPart, VatRate,
            French.Format($"Part de l'indemnité prise en charge par {Opco.Opco}, accord n° {Opco.AgreementNumber} ({decision.RuleIds}, R4)")));
    }

    /// <summary>
    /// LW4: after a cancellation or a withdrawal, the client's invoices still open that the decision
    /// replaces (an unpaid deposit invoice, say); each is to be cancelled by a credit note
    /// (<see cref="CancelInvoice"/>) before any indemnity is billed.
    /// </summary>
    public IReadOnlyList<Invoice> InvoicesToCancel()
    {
        if (Status is not (OrderStatus.Cancelled or OrderStatus.Withdrawn))
        {
            return [];
        }

        // Late penalties (L1–L3) stay due whatever happens to the order.
        return [.. _invoices.Where(i => i.Payer == InvoicePayer.Client && i.Kind is not (InvoiceKind.Indemnity or InvoiceKind.LatePenalty) && i.AmountDue.IsPositive)];
    }

    /// <summary>Pays back to the client what a decision says is to be refunded, never more.</summary>
    public Refund RecordRefund(Guid id, Money amount, DateOnly paidOn, string reference)
    {
        if (!amount.IsPositive || amount > RefundDue)
        {
            throw new DomainException(French.Format($"Le remboursement doit être positif et ne pas dépasser ce qui reste à rembourser ({French.Amount(RefundDue)})."));
        }

        var refund = new Refund(id, paidOn, amount, reference ?? string.Empty);
        _refunds.Add(refund);
        return refund;
    }

    /// <summary>L4: the client's invoices still unpaid, for the client-level suspension check.</summary>
    public IReadOnlyList<OpenInvoice> OpenInvoices() =>
        [.. _invoices.Where(i => i.Payer == InvoicePayer.Client && i.AmountDue.IsPositive).Select(i => new OpenInvoice(i.Number.ToString(), i.DueOn, i.AmountDue))];

    /// <summary>L1–L3 for one invoice.</summary>
    public LatePaymentDecision LatePayment(Guid invoiceId, DateOnly asOf, LateInterestRateTable rates) =>
        FindInvoice(invoiceId).LatePayment(asOf, PayerKind, rates);

    /// <summary>L1–L3: what the penalty invoices of a late invoice have billed so far, net of their credit notes.</summary>
    public Money LatePenaltiesBilled(Guid invoiceId) =>
        Money.Sum(_invoices.Where(i => i.Kind == InvoiceKind.LatePenalty && i.PenaltyForInvoiceId == invoiceId).Select(i => i.Ttc - i.Credited));

    /// <summary>
    /// L1–L3: what a penalty invoice issued on <paramref name="asOf"/> would bill for a late invoice: its interest and
    /// (companies) indemnity as of that day, minus what was billed already (<see cref="CgvReadings.LatePenaltyBillsWhatIsNotBilledYet"/>).
    /// </summary>
    public Money LatePenaltyToBill(Guid invoiceId, DateOnly asOf, LateInterestRateTable rates)
    {
        var invoice = FindInvoice(invoiceId);
        if (invoice.Payer != InvoicePayer.Client || invoice.Kind is InvoiceKind.CreditNote or InvoiceKind.LatePenalty)
        {
            return Money.Zero;
        }

        return invoice.LatePayment(asOf, PayerKind, rates).Total.MinusFloorZero(LatePenaltiesBilled(invoiceId));
    }

    /// <summary>
    /// L1–L3: bills the late interest of a client invoice and, for a company, the 40 € recovery indemnity, on a penalty
    /// invoice (FAC, no VAT, due on receipt) tied to the late invoice; only what earlier penalty invoices did not bill
    /// (<see cref="CgvReadings.LatePenaltyBillsWhatIsNotBilledYet"/>).
    /// </summary>
    public Invoice IssueLatePenaltyInvoice(Guid lateInvoiceId, Guid id, DocumentNumber number, DateOnly issuedOn, LateInterestRateTable rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var late = FindInvoice(lateInvoiceId);
        if (late.Payer != InvoicePayer.Client || late.Kind is InvoiceKind.CreditNote or InvoiceKind.LatePenalty)
        {
            throw new DomainException("Les pénalités de retard se facturent sur une facture du client, ni sur un avoir, ni sur une facture à l'OPCO, ni sur une facture de pénalités (L1).", "L1");
        }

        var decision = late.LatePayment(issuedOn, PayerKind, rates);
        if (!decision.IsLate)
        {
            throw new DomainException(French.Format($"{late.Number} n'est pas en retard au {French.Date(issuedOn)} : {decision.Explanation}"), "L1");
        }

        var billed = LatePenaltiesBilled(late.Id);
        var amount = decision.Total.MinusFloorZero(billed);
        if (!amount.IsPositive)
        {
            throw new DomainException(
                French.Format($"Les pénalités de retard de {late.Number} au {French.Date(issuedOn)} ({French.Amount(decision.Total)}) sont déjà facturées : rien de plus n'est dû (L1, L3)."), "L1");
        }

        return AddInvoice(new Invoice(id, number, InvoiceKind.LatePenalty, InvoicePayer.Client, issuedOn, amount,
            CgvReadings.LatePenaltiesBearNoVat ? Percentage.Zero : VatRate, LatePenaltyLabel(late, decision, billed), penaltyForInvoiceId: late.Id));
    }

    private static string LatePenaltyLabel(Invoice late, LatePaymentDecision decision, Money billed)
    {
        var first = decision.Segments[0].From;
        var last = decision.Segments[^1].To;
        var rates = string.Join(" puis ", decision.Segments.Select(s => s.Rate).Distinct().Take(4).Select(r => r.ToFrench()));
        var label = French.Format(
            $"Pénalités de retard sur la facture {late.Number} du {French.Date(late.IssuedOn)}, échue le {French.Date(late.DueOn)} : intérêts du {French.Date(first)} au {French.Date(last)}, {decision.DaysLate} jours au taux de {rates} (max(BCE + 10 points, 3 × taux légal)) : {French.Amount(decision.Interest)} (L1, L2)");
        if (decision.RecoveryIndemnity.IsPositive)
        {
            label += French.Format($" ; indemnité forfaitaire de recouvrement : {French.Amount(decision.RecoveryIndemnity)} (L3)");
        }

        if (billed.IsPositive)
        {
            label += French.Format($" ; déjà facturé : {French.Amount(billed)}, reste {French.Amount(decision.Total - billed)}");
        }

        return label + (CgvReadings.LatePenaltiesBearNoVat ? ". Hors champ de la TVA." : ".");
    }

    // ------------------------------------------------------------------ OPCO (O1–O3)

    /// <summary>O1: records OPCO funding, before the start only; O2: its amount cannot exceed the price.</summary>
    public void RecordOpcoFunding(OpcoFunding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        EnsureStatus("enregistrer une prise en charge OPCO", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed);
        var decision = OpcoDeadlinePolicy.CanRecordFunding(funding.RecordedOn, StartsOn);
        if (!decision.Accepted)
        {
            throw new DomainException(decision.Explanation, "O1");
        }

        if (string.IsNullOrWhiteSpace(funding.Opco) || string.IsNullOrWhiteSpace(funding.AgreementNumber) || string.IsNullOrWhiteSpace(funding.AgreementFile))
        {
            throw new DomainException("Une prise en charge OPCO indique l'OPCO, le numéro de l'accord, son montant et la copie de l'accord (O1).", "O1");
        }

        OpcoDeadlinePolicy.Split(PriceTtc, funding.AgreedAmount); // O2: 0 < amount ≤ TTC
        Opco = funding;
    }

    /// <summary>O3: the OPCO's deadline and what follows on <paramref name="today"/>.</summary>
    public OpcoDeadlineDecision OpcoDeadline(DateOnly today)
    {
        if (!HasSubrogation)
        {
            throw new DomainException("Cette commande n'a pas de prise en charge OPCO en subrogation ouverte.", "O3");
        }

        var deadline = CgvReadings.OpcoDeadline(EndsOn);
        var paidByDeadline = Money.Sum(_invoices.Where(i => i.Payer == InvoicePayer.Opco)
            .SelectMany(i => i.Payments).Where(p => p.ReceivedOn <= deadline).Select(p => p.Amount));
        return OpcoDeadlinePolicy.Check(EndsOn, today, PriceTtc, OpcoPart, paidByDeadline, ClientPaid);
    }

    /// <summary>
    /// O3: closes the OPCO claim as unpaid from the day after its deadline: a credit note cancels what
    /// the OPCO still owed (LW4) and the client is billed that amount.
    /// </summary>
    public OpcoDeadlineDecision CloseOpcoClaimAsUnpaid(DateOnly today, Guid creditNoteId, DocumentNumber creditNoteNumber, Guid invoiceId, DocumentNumber clientInvoiceNumber)
    {
        EnsureStatus("clore la prise en charge OPCO", OrderStatus.Completed);
        var decision = OpcoDeadline(today);
        if (decision.State != OpcoClaimState.Overdue)
        {
            throw new DomainException(decision.Explanation, "O3");
        }

        var opcoInvoice = _invoices.Find(i => i.Kind == InvoiceKind.Opco)
            ?? throw new DomainException("Émettez d'abord la facture à l'OPCO.", "O2");
        if (opcoInvoice.AmountDue.IsPositive)
        {
            CancelInvoice(opcoInvoice.Id, creditNoteId, creditNoteNumber, today, "prise en charge OPCO non réglée dans le délai d'un mois (O3)");
        }

        AddInvoice(new Invoice(invoiceId, clientInvoiceNumber, InvoiceKind.OpcoShortfall, InvoicePayer.Client, today, decision.AmountToBillClient, VatRate,
            French.Format($"Part non réglée par {Opco!.Opco} au {French.Date(decision.Deadline)} (O3)")));
        Opco = Opco with { ClosedUnpaidOn = today };
        _decisions.Add(new RecordedDecision(DecisionKind.OpcoDeadline, today, string.Join(",", decision.RuleIds), decision.Explanation,
            PriceTtc, Money.Zero, decision.AmountToBillClient, Money.Zero, Money.Zero));
        return decision;
    }

    // ------------------------------------------------------------------ Cancellation, withdrawal (X1–X6, C3, P7, LW1)

    /// <summary>X1–X6, C3 (and P7/LW1 within the legal period): applies a written cancellation.</summary>
    /// <exception cref="DomainException">The cancellation is refused (X1, X5) or the order cannot be cancelled.</exception>
    public CancellationDecision Cancel(CancellationReason reason, WrittenNotice notice) => CancelCore(reason, notice, asWithdrawal: false);

    private CancellationDecision CancelCore(CancellationReason reason, WrittenNotice notice, bool asWithdrawal)
    {
        ArgumentNullException.ThrowIfNull(notice);
        EnsureStatus("annuler la commande", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed);
        var decision = CancellationPolicy.Decide(CancellationCaseFor(reason, notice));
        if (!decision.IsAccepted)
        {
            throw new DomainException(decision.Explanation, decision.RuleIds[0]);
        }

        // A withdrawal before the contract is signed is free too (X6); it is still recorded as a withdrawal.
        var withdrawn = decision.Outcome == CancellationOutcome.FreeWithdrawal || (asWithdrawal && decision.Outcome == CancellationOutcome.FreeBeforeContract);
        Close(withdrawn ? OrderStatus.Withdrawn : OrderStatus.Cancelled, notice.ReceivedOn);
        _decisions.Add(RecordedDecision.From(withdrawn ? DecisionKind.Withdrawal : DecisionKind.Cancellation, notice.ReceivedOn, decision, decision.Settlement));
        return decision;
    }

    /// <summary>P7/LW1: a private individual withdraws; refused once the period is over (it is then a cancellation).</summary>
    public CancellationDecision Withdraw(WrittenNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var withdrawal = Withdrawal();
        if (!withdrawal.HasWithdrawalRight)
        {
            throw new DomainException("Un client entreprise n'a pas de droit de rétractation ; il peut annuler selon les CGV (X2, X3).", "P7");
        }

        if (!withdrawal.IsWithdrawalInTime(notice.ReceivedOn))
        {
            throw new DomainException(
                French.Format($"Le délai de rétractation a pris fin le {French.Date(withdrawal.LastWithdrawalDay!.Value)} : la demande reçue le {French.Date(notice.ReceivedOn)} est une annulation (X2, X3)."),
                withdrawal.RuleIds[0]);
        }

        return CancelCore(CancellationReason.ClientRenounces, notice, asWithdrawal: true);
    }

    /// <summary>What a cancellation received on a given day would cost, without applying it (for the staff's screen).</summary>
    public CancellationDecision PreviewCancellation(CancellationReason reason, WrittenNotice notice) =>
        CancellationPolicy.Decide(CancellationCaseFor(reason, notice));

    private CancellationCase CancellationCaseFor(CancellationReason reason, WrittenNotice notice)
    {
        var withdrawal = Withdrawal();
        return new CancellationCase(
            reason, notice, StartsOn, TrainingKind, PriceTtc, DepositAmount, ClientPaid,
            IsContractConcluded,
            RequiredDocuments.All(k => _signedDocuments.Exists(d => d.Kind == k)),
            PreparationCost,
            withdrawal.HasWithdrawalRight ? withdrawal.LastWithdrawalDay : null,
            HasSubrogation ? Opco!.IndemnityCoverage : Money.Zero);
    }

    // ------------------------------------------------------------------ Postponement (R1–R4, X4)

    /// <summary>R1–R4 (X4): applies a written postponement request to new dates.</summary>
    /// <exception cref="DomainException">Refused (not written, R3, dates), or the order is not concluded.</exception>
    public PostponementDecision Postpone(PostponementReason reason, WrittenNotice notice, DateOnly newStartsOn, DateOnly newEndsOn)
    {
        ArgumentNullException.ThrowIfNull(notice);
        EnsureStatus("reporter la formation", OrderStatus.Confirmed, OrderStatus.Postponed);
        if (newEndsOn < newStartsOn)
        {
            throw new DomainException("La nouvelle session ne peut pas finir avant de commencer.", "R1");
        }

        var decision = PreviewPostponement(reason, notice, newStartsOn);
        if (!decision.IsAccepted)
        {
            throw new DomainException(decision.Explanation, decision.RuleIds[0]);
        }

        _decisions.Add(RecordedDecision.From(DecisionKind.Postponement, notice.ReceivedOn, decision, decision.Settlement));
        if (decision.Outcome == PostponementOutcome.WholePriceDue)
        {
            // Reading (R2): see CgvReadings.PostponementBeyondLimitEndsTheOrder.
            Close(OrderStatus.Cancelled, notice.ReceivedOn);
            return decision;
        }

        StartsOn = newStartsOn;
        EndsOn = newEndsOn;
        DepositNonRefundable |= decision.DepositBecomesNonRefundable;
        Status = OrderStatus.Postponed;
        return decision;
    }

    /// <summary>What a postponement would cost, without applying it.</summary>
    public PostponementDecision PreviewPostponement(PostponementReason reason, WrittenNotice notice, DateOnly newStartsOn)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return PostponementPolicy.Decide(new PostponementCase(
            reason, notice, OrderedOn, StartsOn, EndsOn, newStartsOn, TrainingKind, PriceTtc, DepositAmount, ClientPaid,
            OpcoPart,
            HasSubrogation ? Opco!.IndemnityCoverage : Money.Zero));
    }

    /// <summary>R2: whether a postponed training is still within its 6 months on <paramref name="today"/>.</summary>
    public PostponementDecision PostponementDeadline(DateOnly today)
    {
        EnsureStatus("vérifier le délai du report", OrderStatus.Postponed);
        return PostponementPolicy.CheckPostponedTraining(OrderedOn, StartsOn, StartsOn <= today, today, PriceTtc, ClientPaid,
            OpcoPart, HasSubrogation ? Opco!.IndemnityCoverage : Money.Zero);
    }

    /// <summary>R2: a postponed training not held 6 months after the order: the whole price is due, the order ends.</summary>
    public PostponementDecision ClosePostponementAsLapsed(DateOnly today)
    {
        var decision = PostponementDeadline(today);
        if (decision.Outcome != PostponementOutcome.WholePriceDue)
        {
            throw new DomainException(decision.Explanation, "R1");
        }

        _decisions.Add(RecordedDecision.From(DecisionKind.PostponementLapsed, today, decision, decision.Settlement));
        Close(OrderStatus.Cancelled, today);
        return decision;
    }

    // ------------------------------------------------------------------ Changes and participants (P5, C4)

    /// <summary>P5/C4: a written change request after the contract; it changes nothing until LEXOM accepts it.</summary>
    public ChangeRequest RequestChange(Guid id, string description, WrittenNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        EnsureStatus("demander une modification", OrderStatus.Confirmed, OrderStatus.Postponed);
        if (!notice.IsWritten || string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("Une demande de modification se fait par écrit et dit ce qui change (P5, C4).", "C4");
        }

        var request = new ChangeRequest(id, description.Trim(), notice);
        _changeRequests.Add(request);
        return request;
    }

    /// <summary>P5/C4: LEXOM accepts in writing; extra costs go on their own proposal, accepted first.</summary>
    public void AcceptChange(Guid id, DateOnly decidedOn, bool hasExtraCost, DocumentNumber? supplementaryProposal)
    {
        if (hasExtraCost && supplementaryProposal is not { Kind: DocumentKind.Proposal })
        {
            throw new DomainException("Les coûts d'une modification se facturent sur une proposition complémentaire acceptée par le client : indiquez son numéro (P5, C4).", "C4");
        }

        FindChange(id).Decide(true, decidedOn, supplementaryProposal);
    }

    public void RefuseChange(Guid id, DateOnly decidedOn) => FindChange(id).Decide(false, decidedOn, null);

    /// <summary>Replaces a participant by another person; the price does not change (C4).</summary>
    public void ReplaceParticipant(Guid participantId, string newName)
    {
        EnsureStatus("remplacer un participant", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed);
        if (string.IsNullOrWhiteSpace(newName) || string.Equals(newName.Trim(), CgvReadings.ParticipantPlaceholder, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("Un participant de la commande a un nom (P1).", "P1");
        }

        FindParticipant(participantId).Rename(newName.Trim());
    }

    /// <summary>The participant's own e-mail (optional, for their convocation); empty removes it.</summary>
    public void ChangeParticipantEmail(Guid participantId, string? email)
    {
        EnsureStatus("changer l'e-mail d'un participant", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed);
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && !LooksLikeEmail(address))
            throw new DomainException(French.Format($"« {address} » n'est pas une adresse e-mail valide."));
        FindParticipant(participantId).ChangeEmail(address);
    }

    /// <summary>One @, something on each side, a dot in the domain, no space, at most 254 characters.</summary>
    public static bool LooksLikeEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return address.Length <= Participant.EmailMaxLength && at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1
            && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.') && !address.Any(char.IsWhiteSpace);
    }

    /// <summary>C4: a participant who will not come is marked; any ordered service is due in full.</summary>
    public void RemoveParticipant(Guid participantId)
    {
        EnsureStatus("retirer un participant", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed);
        FindParticipant(participantId).MarkRemoved();
    }

    /// <summary>C4: adding a participant is a change: a written request and a supplementary proposal.</summary>
    public static void AddParticipant() =>
        throw new DomainException("Ajouter un participant modifie la commande : demande écrite, acceptation de LEXOM et proposition complémentaire (P5, C4).", "C4");

    // ------------------------------------------------------------------ Attendance, attestation (A1, K1, LW2)

    /// <summary>A1: records one half-day of attendance; it never changes an invoice.</summary>
    public void RecordAttendance(Guid participantId, DateOnly day, HalfDay halfDay, bool present)
    {
        EnsureStatus("émarger", OrderStatus.Confirmed, OrderStatus.Postponed, OrderStatus.Completed);
        if (day < StartsOn || day > EndsOn)
        {
            throw new DomainException(French.Format($"Le {French.Date(day)} n'est pas un jour de la formation ({French.Date(StartsOn)} – {French.Date(EndsOn)})."), "A1");
        }

        FindParticipant(participantId).Record(new AttendanceEntry(day, halfDay, present));
    }

    /// <summary>A1: what the recorded attendance changes to the price: nothing.</summary>
    public AbsenceDecision Absence()
    {
        var entries = _participants.SelectMany(p => p.Attendance).ToList();
        return AbsencePolicy.Decide(PriceTtc, entries.Count, entries.Count(e => e.Present));
    }

    /// <summary>K1, LW2: the content of a participant's attestation, with all the course's objectives.</summary>
    public AttestationContent Attestation(Guid participantId)
    {
        EnsureStatus("établir une attestation", OrderStatus.Completed);
        var participant = FindParticipant(participantId);
        return new AttestationContent(
            participant.Name, Course.Title, Course.Reference, Course.Objectives, Course.Nature, Course.DurationHours,
            StartsOn, EndsOn, participant.Attendance.Count(a => a.Present), participant.Attendance.Count, Course.EvaluationMethods);
    }

    // ------------------------------------------------------------------ Termination (T1)

    /// <summary>T1: records the date of a formal notice (mise en demeure).</summary>
    public void RecordFormalNotice(DateOnly noticeOn)
    {
        EnsureStatus("mettre en demeure", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed, OrderStatus.Completed);
        FormalNoticeOn = noticeOn;
        FormalNoticeAnsweredOn = null;
    }

    public void RecordFormalNoticeAnswer(DateOnly answeredOn)
    {
        if (FormalNoticeOn is null)
        {
            throw new DomainException("Aucune mise en demeure n'est enregistrée.", "T1");
        }

        FormalNoticeAnsweredOn = answeredOn;
    }

    /// <summary>T1: from which day termination is possible.</summary>
    public TerminationDecision Termination(DateOnly today) =>
        FormalNoticeOn is { } notice
            ? TerminationPolicy.Decide(notice, FormalNoticeAnsweredOn, today)
            : throw new DomainException("Aucune mise en demeure n'est enregistrée : la résolution n'est pas possible (T1).", "T1");

    /// <summary>T1: terminates the contract once the notice stayed unanswered eight days.</summary>
    public TerminationDecision Terminate(DateOnly today)
    {
        EnsureStatus("résoudre le contrat", OrderStatus.PendingSignatureAndDeposit, OrderStatus.Confirmed, OrderStatus.Postponed, OrderStatus.Completed);
        var decision = Termination(today);
        if (!decision.MayTerminate)
        {
            throw new DomainException(decision.Explanation, "T1");
        }

        _decisions.Add(RecordedDecision.From(DecisionKind.Termination, today, decision, null));
        Close(OrderStatus.Terminated, today);
        return decision;
    }

    // ------------------------------------------------------------------ helpers

    private Invoice AddInvoice(Invoice invoice)
    {
        if (_invoices.Exists(i => i.Number == invoice.Number))
        {
            throw new DomainException(French.Format($"Le numéro {invoice.Number} est déjà utilisé (LW4)."), "LW4");
        }

        _invoices.Add(invoice);
        return invoice;
    }

    private void Close(OrderStatus status, DateOnly on)
    {
        Status = status;
        ClosedOn = on;
    }

    private Invoice FindInvoice(Guid id) =>
        _invoices.Find(i => i.Id == id) ?? throw new DomainException("Cette facture n'appartient pas à la commande.");

    private Participant FindParticipant(Guid id) =>
        _participants.Find(p => p.Id == id) ?? throw new DomainException("Ce participant n'est pas sur la commande.");

    private ChangeRequest FindChange(Guid id) =>
        _changeRequests.Find(c => c.Id == id) ?? throw new DomainException("Cette demande de modification n'existe pas.");

    private void EnsureStatus(string action, params OrderStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(French.Format($"Impossible de {action} : la commande est {StatusText(Status)}."));
        }
    }

    /// <summary>The status in French, for messages and screens.</summary>
    public static string StatusText(OrderStatus status) => status switch
    {
        OrderStatus.PendingSignatureAndDeposit => "en attente des documents signés et de l'acompte",
        OrderStatus.Confirmed => "confirmée",
        OrderStatus.Postponed => "reportée",
        OrderStatus.Completed => "réalisée",
        OrderStatus.Cancelled => "annulée",
        OrderStatus.Withdrawn => "rétractée",
        _ => "résolue",
    };
}
