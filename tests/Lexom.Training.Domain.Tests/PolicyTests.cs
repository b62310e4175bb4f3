using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class PolicyTests
{
    [Theory]
    [InlineData("2026-04-01", "2026-04-09", "2026-04-10")]
    [InlineData("2026-02-25", "2026-03-05", "2026-03-06")]
    [InlineData("2028-02-25", "2028-03-04", "2028-03-05")] // leap year
    [InlineData("2026-12-28", "2027-01-05", "2027-01-06")]
    public void T1_termination_is_possible_from_the_day_after_the_8_days_of_an_unanswered_notice(string notice, string lastDay, string from)
    {
        var before = TerminationPolicy.Decide(D(notice), null, D(lastDay));
        var after = TerminationPolicy.Decide(D(notice), null, D(from));

        Assert.Equal(D(lastDay), before.NoticeLastDay);
        Assert.Equal(D(from), before.TerminationPossibleFrom);
        Assert.False(before.MayTerminate);
        Assert.True(after.MayTerminate);
        Assert.Contains(French.Date(D(from)), after.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void T1_a_notice_answered_within_8_days_does_not_allow_termination()
    {
        var decision = TerminationPolicy.Decide(D("2026-04-01"), D("2026-04-05"), D("2026-05-01"));
        Assert.True(decision.Answered);
        Assert.False(decision.MayTerminate);
    }

    [Theory]
    [InlineData("2026-03-17", "2026-05-01", "2026-05-01", "2031-05-01")] // last payment later than the training
    [InlineData("2026-03-17", "2026-03-10", "2026-01-10", "2031-03-17")] // training later than the payment
    [InlineData("2028-02-29", null, "2028-01-05", "2033-02-28")]        // leap day
    [InlineData(null, null, "2026-01-05", "2031-01-05")]               // only a request
    public void G1_personal_data_are_kept_5_years_after_the_end_of_the_relationship(string? training, string? payment, string contact, string keptUntil)
    {
        var decision = RetentionPolicy.ForPersonalData(training is null ? null : D(training), payment is null ? null : D(payment), D(contact), D(keptUntil));

        Assert.Equal(D(keptUntil), decision.KeptUntil);
        Assert.False(decision.MustAnonymise);
        Assert.True(RetentionPolicy.ForPersonalData(training is null ? null : D(training), payment is null ? null : D(payment), D(contact), D(keptUntil).AddDays(1)).MustAnonymise);
    }

    [Fact]
    public void LW5_accounting_documents_are_kept_10_years_and_anonymisation_never_deletes_them()
    {
        var decision = RetentionPolicy.ForAccountingDocument(D("2026-03-17"));
        Assert.Equal(D("2036-03-17"), decision.KeptUntil);
        Assert.False(AccountingRetentionDecision.AnonymisationDeletesIt);
        Assert.Contains("LW5", decision.RuleIds);
    }

    [Fact]
    public void G2_an_audit_entry_says_who_accessed_whose_file_and_what_they_did()
    {
        var entry = new AuditEntry(DateTimeOffset.Parse("2026-03-17T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), "staff-12", "Client", Guid.NewGuid(), PersonalDataAction.Viewed);
        Assert.Equal(PersonalDataAction.Viewed, entry.Action);
        Assert.Equal("G2", Assert.Throws<DomainException>(() => new AuditEntry(DateTimeOffset.UtcNow, "", "Client", Guid.NewGuid(), PersonalDataAction.Changed)).RuleId);
        Assert.Throws<DomainException>(() => new AuditEntry(DateTimeOffset.UtcNow, "staff-12", "Client", Guid.Empty, PersonalDataAction.Changed));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void G3_erasure_anonymises_and_keeps_only_what_accounting_law_requires(bool hasInvoices)
    {
        var decision = PersonalDataRights.Erase(hasInvoices);
        Assert.True(decision.AnonymiseNow);
        Assert.Equal(hasInvoices, decision.KeepAccountingData);
        Assert.Equal(hasInvoices, decision.RuleIds.Contains("LW5"));
        Assert.Equal("dpo@lexom.fr", PersonalDataRights.DpoAddress);
    }

    [Fact]
    public void LW3_the_seller_identity_lists_its_missing_legal_mentions()
    {
        var seller = new SellerIdentity("LEXOM", "SARL", "Aubenas", "", "RCS Aubenas", "FR00123456789", "");
        Assert.Equal(["le SIREN/SIRET", "le numéro de déclaration d'activité (NDA)"], seller.Missing());
        Assert.Empty((seller with { Siret = "123 456 789 00012", TrainingDeclarationNumber = "84 07 00000 07" }).Missing());
    }

    [Theory]
    [InlineData(PayerKind.Company, true)]
    [InlineData(PayerKind.PrivateIndividual, false)]
    public void LW3_invoices_state_the_late_payment_rate_and_for_companies_the_40_euro_indemnity(PayerKind payer, bool mentionsIndemnity)
    {
        var clause = OrderTests.Normalize(LegalMentions.LatePaymentClause(payer, new HalfYearRates(2026, 1, Percentage.Of(2.15m), Percentage.Of(3m))));
        Assert.Contains("12,15 %", clause, StringComparison.Ordinal);
        Assert.Equal(mentionsIndemnity, clause.Contains("40,00 €", StringComparison.Ordinal));
        Assert.Equal("Échéance : 17/03/2026, payable à réception.", LegalMentions.DueDateMention(D("2026-03-17")));
    }

    [Fact]
    public void LW6_a_course_page_lists_what_is_missing_before_publication()
    {
        var complete = new CoursePageFacts(3, "Aucun", "Toute personne", 14m, "Cas pratiques", "QCM", true, "Sous 15 jours", "contact@lexom.fr", "Nous contacter", D("2026-01-05"));
        Assert.Empty(CoursePageCompleteness.Missing(complete));
        var missing = CoursePageCompleteness.Missing(complete with { DisabilityAccess = null, LastUpdatedOn = null, ObjectiveCount = 0 });
        Assert.Equal(["les objectifs", "l'accessibilité aux personnes handicapées", "la date de dernière mise à jour"], missing);
    }

    [Fact]
    public void P3_the_validity_decision_says_why_in_french_with_its_rule()
    {
        var open = ProposalValidity.On(D("2026-01-05"), D("2026-02-04"));
        var closed = ProposalValidity.On(D("2026-01-05"), D("2026-02-05"));
        Assert.True(open.CanBeAccepted);
        Assert.False(closed.CanBeAccepted);
        Assert.Equal(D("2026-02-05"), closed.ExpiredFrom);
        Assert.Contains("04/02/2026 inclus", open.Explanation, StringComparison.Ordinal);
        Assert.Equal(["P3"], closed.RuleIds);
    }
}
