using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lexom.Training.Web.Data.Configurations;

/// <summary>
/// The order aggregate: <c>orders</c> (course snapshot as jsonb, OPCO funding and the online acceptance as
/// columns), its participants with their attendance, its signed documents, invoices with their payments,
/// refunds, change requests and the decisions applied to it, each in its own table.
/// </summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public const string CourseReference = "CourseReference";
    public const string Version = "RowVersion";

    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders");
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Course).HasJsonConversion().HasColumnName("course");
        b.Property(o => o.CgvVersion).HasMaxLength(50);
        b.Property(o => o.Place).HasMaxLength(300);
        b.Property(o => o.VatRate).HasPrecision(5, 2);
        b.Property(o => o.DepositRate).HasPrecision(5, 2);
        foreach (var ignored in new[]
                 {
                     nameof(Order.IsContractConcluded), nameof(Order.HasSubrogation), nameof(Order.OpcoPart), nameof(Order.ClientShareOfPrice),
                     nameof(Order.ClientPaid), nameof(Order.OpcoPaid), nameof(Order.ClientAmountDue), nameof(Order.RefundDue),
                     nameof(Order.RequiredDocuments), nameof(Order.ContractSignedOn), nameof(Order.DepositReceived),
                     nameof(Order.DepositInvoice), nameof(Order.DepositInvoiceToIssue),
                 })
        {
            b.Ignore(ignored);
        }

        // One order per accepted proposal: a double submit of an acceptance creates nothing twice.
        b.HasOne<Proposal>().WithOne().HasForeignKey<Order>(o => o.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.ProposalId).IsUnique();
        b.HasIndex(o => o.ProposalNumber);
        b.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.ClientId);
        b.HasIndex(o => new { o.Status, o.StartsOn });
        b.Property<string>(CourseReference).HasMaxLength(Domain.Catalog.Course.ReferenceMaxLength).IsRequired();
        b.HasIndex(CourseReference);
        b.Property<uint>(Version).IsRowVersion();

        b.OwnsOne(o => o.Opco, f =>
        {
            f.Property(x => x.Opco).HasMaxLength(200).HasColumnName("opco_name");
            f.Property(x => x.AgreementNumber).HasMaxLength(100).HasColumnName("opco_agreement_number");
            f.Property(x => x.AgreedAmount).HasColumnName("opco_agreed_amount");
            f.Property(x => x.AgreementFile).HasMaxLength(200).HasColumnName("opco_agreement_file");
            f.Property(x => x.RecordedOn).HasColumnName("opco_recorded_on");
            f.Property(x => x.Subrogation).HasColumnName("opco_subrogation");
            f.Property(x => x.IndemnityCoverage).HasColumnName("opco_indemnity_coverage");
            f.Property(x => x.ClosedUnpaidOn).HasColumnName("opco_closed_unpaid_on");
        });

        b.OwnsOne(o => o.OnlineAcceptance, a =>
        {
            a.Property(x => x.SignatoryName).HasMaxLength(200).HasColumnName("acceptance_signatory_name");
            a.Property(x => x.Mention).HasMaxLength(100).HasColumnName("acceptance_mention");
            a.Property(x => x.CgvVersion).HasMaxLength(50).HasColumnName("acceptance_cgv_version");
            a.Property(x => x.DocumentSha256).HasMaxLength(64).IsFixedLength().HasColumnName("acceptance_document_sha256");
            a.Property(x => x.AcceptedAt).HasColumnName("acceptance_accepted_at");
            a.Property(x => x.IpAddress).HasMaxLength(45).HasColumnName("acceptance_ip_address");
            a.Property(x => x.UserAgent).HasMaxLength(500).HasColumnName("acceptance_user_agent");
        });

        b.OwnsMany(o => o.SignedDocuments, d =>
        {
            d.ToTable("order_signed_documents");
            d.WithOwner().HasForeignKey("OrderId");
            d.Property<int>("Id").UseIdentityAlwaysColumn();
            d.HasKey("Id");
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.Reference).HasMaxLength(300);
        });
        b.Navigation(o => o.SignedDocuments).HasField("_signedDocuments").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(o => o.Refunds, r =>
        {
            r.ToTable("order_refunds");
            r.WithOwner().HasForeignKey("OrderId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Reference).HasMaxLength(100);
        });
        b.Navigation(o => o.Refunds).HasField("_refunds").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(o => o.Decisions, d =>
        {
            d.ToTable("order_decisions");
            d.WithOwner().HasForeignKey("OrderId");
            d.Property<int>("Id").UseIdentityAlwaysColumn();
            d.HasKey("Id");
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.RuleIds).HasMaxLength(100);
            d.Property(x => x.Explanation).HasMaxLength(2000);
        });
        b.Navigation(o => o.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasMany(o => o.Participants).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(o => o.Invoices).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        b.Navigation(o => o.Invoices).HasField("_invoices").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(o => o.ChangeRequests).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.ChangeRequests).HasField("_changeRequests").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.ToTable("order_participants");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(Participant.EmailMaxLength);
        b.Property<int>(ProposalConfiguration.Position);
        b.OwnsMany(p => p.Attendance, a =>
        {
            a.ToTable("attendance_entries");
            a.WithOwner().HasForeignKey("ParticipantId");
            a.Property<int>("Id").UseIdentityAlwaysColumn();
            a.HasKey("Id");
            a.Property(x => x.HalfDay).HasConversion<string>().HasMaxLength(10);
        });
        b.Navigation(p => p.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Invoices, deposit invoices and credit notes (LW4: never deleted), with their payments.</summary>
internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("invoices");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasIndex(i => i.Number).IsUnique(); // LW4
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Payer).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.VatRate).HasPrecision(5, 2);
        b.Property(i => i.Label).HasMaxLength(1000);
        // The sum of the payments, kept with each of them (Invoice.RecordPayment): the invoice list and the dashboard read it.
        b.Property(i => i.Paid).HasColumnName("paid");
        b.Ignore(i => i.AmountDue);
        b.Ignore(i => i.IsSettled);
        b.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CreditsInvoiceId).OnDelete(DeleteBehavior.Restrict);
        // L1–L3: a penalty invoice names the late invoice it bills the interest and indemnity of.
        b.HasOne<Invoice>().WithMany().HasForeignKey(i => i.PenaltyForInvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.Kind, i.IssuedOn });
        // The invoice list's order (issued_on DESC, number DESC), read backwards for a page of 25.
        b.HasIndex(i => new { i.IssuedOn, i.Number });
        // Two staff recording a payment on the same invoice at once: the second is told, nothing is lost.
        b.Property<uint>(OrderConfiguration.Version).IsRowVersion();
        b.OwnsMany(i => i.Payments, p =>
        {
            p.ToTable("payments");
            p.WithOwner().HasForeignKey("InvoiceId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Reference).HasMaxLength(100);
            p.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            // A bank movement is recorded once: a duplicate bank reference is refused.
            p.HasIndex(x => x.Reference).IsUnique().HasDatabaseName(PaymentReferenceIndex).HasFilter("reference <> ''");
        });
        b.Navigation(i => i.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public const string PaymentReferenceIndex = "ux_payments_reference";
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> b)
    {
        b.ToTable("order_change_requests");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Reference).HasMaxLength(300);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<Client>().WithMany().HasForeignKey(f => f.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.StoredBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(f => new { f.ProposalId, f.Kind });
        b.HasIndex(f => new { f.OrderId, f.Kind });
        b.HasIndex(f => f.ClientId);
    }
}

internal sealed class LateInterestRateConfiguration : IEntityTypeConfiguration<LateInterestRateRow>
{
    public void Configure(EntityTypeBuilder<LateInterestRateRow> b)
    {
        b.ToTable("late_interest_rates");
        b.HasKey(r => new { r.Year, r.Half });
        b.Property(r => r.EcbRatePoints).HasPrecision(6, 3);
        b.Property(r => r.LegalRatePoints).HasPrecision(6, 3);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UpdatedBy).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("ck_late_interest_rates_half", "half IN (1, 2)"));
        // L2: recent half-years, to be checked by an admin against the ECB and Banque de France publications.
        b.HasData(
            new LateInterestRateRow { Year = 2024, Half = 1, EcbRatePoints = 4.50m, LegalRatePoints = 5.07m, ToBeChecked = true },
            new LateInterestRateRow { Year = 2024, Half = 2, EcbRatePoints = 4.25m, LegalRatePoints = 4.92m, ToBeChecked = true },
            new LateInterestRateRow { Year = 2025, Half = 1, EcbRatePoints = 3.15m, LegalRatePoints = 3.71m, ToBeChecked = true },
            new LateInterestRateRow { Year = 2025, Half = 2, EcbRatePoints = 2.15m, LegalRatePoints = 2.76m, ToBeChecked = true },
            new LateInterestRateRow { Year = 2026, Half = 1, EcbRatePoints = 2.15m, LegalRatePoints = 2.62m, ToBeChecked = true },
            new LateInterestRateRow { Year = 2026, Half = 2, EcbRatePoints = 2.15m, LegalRatePoints = 2.62m, ToBeChecked = true });
    }
}

internal sealed class InvoiceLateStatusConfiguration : IEntityTypeConfiguration<InvoiceLateStatus>
{
    public void Configure(EntityTypeBuilder<InvoiceLateStatus> b)
    {
        b.ToTable("invoice_late_status");
        b.HasKey(s => s.InvoiceId);
        b.HasOne<Invoice>().WithOne().HasForeignKey<InvoiceLateStatus>(s => s.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Explanation).HasMaxLength(2000);
    }
}
