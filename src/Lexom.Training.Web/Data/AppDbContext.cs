using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data.Configurations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, antiforgery, invitation tokens), shared by every instance of the app.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<CatalogDomain> CatalogDomains => Set<CatalogDomain>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSession> CourseSessions => Set<CourseSession>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ProposalRequest> ProposalRequests => Set<ProposalRequest>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Domain.Orders.Order> Orders => Set<Domain.Orders.Order>();
    public DbSet<Domain.Orders.Invoice> Invoices => Set<Domain.Orders.Invoice>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<SessionAttestation> SessionAttestations => Set<SessionAttestation>();
    public DbSet<SessionConvocation> SessionConvocations => Set<SessionConvocation>();
    public DbSet<LateInterestRateRow> LateInterestRates => Set<LateInterestRateRow>();
    public DbSet<InvoiceLateStatus> InvoiceLateStatuses => Set<InvoiceLateStatus>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<VatRateRow> VatRates => Set<VatRateRow>();

    /// <summary>The one place that says how the app talks to PostgreSQL (also used by tests and tools).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("data_protection_keys");
        // A client account sees its client's documents only; a client with accounts is never deleted under them.
        builder.Entity<AppUser>().HasOne<Client>().WithMany().HasForeignKey(u => u.ClientId).OnDelete(DeleteBehavior.Restrict);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Status enums are stored as text (architecture: readable rows, safe reordering).
        configurationBuilder.Properties<CourseStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PayerKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<TrainingKind>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<RequestStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
        configurationBuilder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SalesChannel>().HaveConversion<string>().HaveMaxLength(20);
        // Value objects: Money as its euros (numeric(12,2)), Percentage as its points, DocumentNumber as its text.
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>().HavePrecision(12, 2);
        configurationBuilder.Properties<Percentage>().HaveConversion<PercentageConverter>().HavePrecision(7, 4);
        configurationBuilder.Properties<DocumentNumber>().HaveConversion<DocumentNumberConverter>().HaveMaxLength(30);
    }
}

internal sealed class MoneyConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Money, decimal>(m => m.Amount, d => Money.Euros(d));

internal sealed class PercentageConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Percentage, decimal>(p => p.Points, d => Percentage.Of(d));

internal sealed class DocumentNumberConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DocumentNumber, string>(n => n.ToString(), s => DocumentNumber.Parse(s));
