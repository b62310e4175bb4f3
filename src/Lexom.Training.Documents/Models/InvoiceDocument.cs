namespace Lexom.Training.Documents;

/// <summary>The four accounting documents; each kind has its own continuous numbering (LW4).</summary>
public enum InvoiceKind
{
    /// <summary>Facture d'acompte (P4, M4).</summary>
    Deposit,

    /// <summary>Facture (finale), payable on receipt (M5).</summary>
    Final,

    /// <summary>Facture d'indemnité (cancellation X2/X3, postponement R2...).</summary>
    Indemnity,

    /// <summary>Avoir: corrects an invoice that is never deleted (LW4).</summary>
    CreditNote,
}

/// <summary>Invoice, deposit invoice, indemnity invoice or credit note (LW3, LW4, M5, L1–L3).</summary>
public sealed record InvoiceDocument
{
    public required SellerIdentity Seller { get; init; }
    public required InvoiceKind Kind { get; init; }
    public required string Number { get; init; }
    public required DateOnly IssuedOn { get; init; }

    /// <summary>M5: the final invoice is due on its issue date.</summary>
    public required DateOnly DueOn { get; init; }

    public required ClientIdentity Client { get; init; }

    /// <summary>The proposal / order this document belongs to.</summary>
    public string? ProposalNumber { get; init; }

    /// <summary>Course and session, printed as the object of the invoice.</summary>
    public string? Subject { get; init; }

    public required IReadOnlyList<DocumentLine> Lines { get; init; }

    /// <summary>Payments already received and deducted (deposit included, M5).</summary>
    public IReadOnlyList<PaymentReceived> Payments { get; init; } = [];

    /// <summary>Required for a credit note: the invoice it corrects.</summary>
    public string? CorrectedInvoiceNumber { get; init; }

    public DateOnly? CorrectedInvoiceDate { get; init; }

    /// <summary>Why this document exists, with the clause (e.g. "CGV 3.5 — annulation reçue 14 jours avant le début").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Mention printed when a line has a 0 % rate (e.g. an exemption article).</summary>
    public string? VatExemptionMention { get; init; }

    /// <summary>
    /// The totals as billed, when the amount is billed TTC and split by the domain (M3 reading: HT = round(TTC / (1 + rate)),
    /// VAT = TTC − HT): printed as given, so the document asks exactly the amount the accounts hold. Without it the
    /// totals are computed from the lines (M3).
    /// </summary>
    public DocumentTotals? BilledTotals { get; init; }

    public DocumentTotals Totals => BilledTotals ?? DocumentTotals.Compute(Lines, 0m);

    /// <summary>TTC minus payments already received (M5); never below zero.</summary>
    public decimal AmountDue => Math.Max(0m, Totals.TotalInclVat - Payments.Sum(p => p.Amount));
}
