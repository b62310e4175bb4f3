using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class OrderTests
{
    [Fact]
    public void P4_an_order_is_born_only_from_an_accepted_proposal_with_its_frozen_price_and_course()
    {
        Assert.Equal("P4", Assert.Throws<DomainException>(() => Order.FromAcceptedProposal(Guid.NewGuid(), AProposal().Build(), D("2026-01-10"))).RuleId);

        var order = AnOrder().Build();

        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
        Assert.Equal(E(4284m), order.PriceTtc);
        Assert.Equal(E(1285.20m), order.DepositAmount);
        Assert.Equal("RCL-RCL-02", order.Course.Reference);
        Assert.Equal(D("2026-03-16"), order.StartsOn);
        Assert.Equal(3, order.Participants.Count);
    }

    [Fact]
    public void P4_a_company_signs_the_proposal_bon_pour_accord_and_the_cgv_not_a_training_contract()
    {
        var order = AnOrder().Build();
        Assert.Equal([SignedDocumentKind.ProposalBonPourAccord, SignedDocumentKind.Cgv], order.RequiredDocuments);
        var ex = Assert.Throws<DomainException>(() => order.RecordSignedDocument(SignedDocumentKind.TrainingContract, D("2026-01-10"), "c.pdf"));
        Assert.Equal("P4", ex.RuleId);
        Assert.Throws<DomainException>(() => order.RecordSignedDocument(SignedDocumentKind.Cgv, D("2026-01-10"), " "));
    }

    [Fact]
    public void P6_a_private_individual_signs_a_training_contract_and_the_cgv()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual()).Build();
        Assert.Equal([SignedDocumentKind.TrainingContract, SignedDocumentKind.Cgv], order.RequiredDocuments);
        Assert.Equal("P6", Assert.Throws<DomainException>(() => order.RecordSignedDocument(SignedDocumentKind.ProposalBonPourAccord, D("2026-01-10"), "p.pdf")).RuleId);
    }

    [Fact]
    public void C1_signed_documents_without_the_deposit_do_not_confirm_the_order()
    {
        var order = AnOrder().SignedWithoutDeposit();

        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
        Assert.False(order.IsContractConcluded);
        Assert.Equal(["l'acompte de 1 285,20 €"], order.MissingForConfirmation().Select(Normalize));
    }

    [Fact]
    public void C1_the_deposit_without_the_signed_documents_does_not_confirm_the_order()
    {
        var order = AnOrder().Build();
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));
        order.RecordPayment(deposit.Id, Guid.NewGuid(), E(1285.20m), D("2026-01-12"), "vir");
        order.RecordSignedDocument(SignedDocumentKind.Cgv, D("2026-01-13"), "cgv.pdf");

        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
        Assert.Equal(["la proposition signée « BON POUR ACCORD »"], order.MissingForConfirmation());

        order.RecordSignedDocument(SignedDocumentKind.ProposalBonPourAccord, D("2026-01-15"), "bpa.pdf");

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(D("2026-01-15"), order.ConfirmedOn);
        Assert.Empty(order.MissingForConfirmation());
    }

    [Fact]
    public void C1_a_partial_deposit_does_not_confirm_the_order()
    {
        var order = AnOrder().SignedWithoutDeposit();
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));
        order.RecordPayment(deposit.Id, Guid.NewGuid(), E(1000m), D("2026-01-12"), "vir 1");
        Assert.False(order.IsContractConcluded);

        order.RecordPayment(deposit.Id, Guid.NewGuid(), E(285.20m), D("2026-01-14"), "vir 2");
        Assert.Equal(D("2026-01-14"), order.ConfirmedOn);
        Assert.Throws<DomainException>(() => order.RecordPayment(deposit.Id, Guid.NewGuid(), E(0.01m), D("2026-01-15"), "trop"));
    }

    [Fact]
    public void C2_participants_of_an_unconfirmed_order_are_not_convened_and_the_staff_see_why()
    {
        var pending = AnOrder().Build();
        var decision = pending.Convocation();

        Assert.False(decision.MayConvene);
        Assert.Equal(3, decision.Missing.Count);
        Assert.Contains("C2", decision.RuleIds);
        Assert.Contains("l'acompte", decision.Explanation, StringComparison.Ordinal);

        Assert.True(AnOrder().Confirmed().Convocation().MayConvene);
    }

    [Fact]
    public void C4_removing_or_replacing_a_participant_does_not_change_the_price()
    {
        var order = AnOrder().Confirmed();
        order.RemoveParticipant(order.Participants[0].Id);
        order.ReplaceParticipant(order.Participants[1].Id, "Nouvelle Personne");
        order.Complete(order.EndsOn);
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn);

        Assert.True(order.Participants[0].Removed);
        Assert.Equal("Nouvelle Personne", order.Participants[1].Name);
        Assert.Equal(E(4284m), order.PriceTtc);
        Assert.Equal(E(2998.80m), final.Ttc);
    }

    [Fact]
    public void C4_adding_a_participant_or_a_costly_change_needs_a_supplementary_proposal()
    {
        var order = AnOrder().Confirmed();
        Assert.Equal("C4", Assert.Throws<DomainException>(Order.AddParticipant).RuleId);

        var change = order.RequestChange(Guid.NewGuid(), "Ajouter une demi-journée", Letter("2026-02-01"));
        Assert.Equal("C4", Assert.Throws<DomainException>(() => order.AcceptChange(change.Id, D("2026-02-02"), true, null)).RuleId);

        var supplement = Number(DocumentKind.Proposal);
        order.AcceptChange(change.Id, D("2026-02-02"), true, supplement);
        Assert.Equal(ChangeRequestStatus.Accepted, change.Status);
        Assert.Equal(supplement, change.SupplementaryProposal);
        Assert.Equal(E(4284m), order.PriceTtc);
    }

    [Fact]
    public void P5_a_change_after_the_contract_is_a_written_request_that_lexom_accepts_or_refuses()
    {
        var order = AnOrder().Confirmed();
        Assert.Throws<DomainException>(() => order.RequestChange(Guid.NewGuid(), "Changer de lieu", new WrittenNotice(D("2026-02-01"), "")));
        Assert.Throws<DomainException>(() => AnOrder().Build().RequestChange(Guid.NewGuid(), "Changer de lieu", Letter("2026-02-01")));

        var change = order.RequestChange(Guid.NewGuid(), "Changer de lieu", Letter("2026-02-01"));
        Assert.Equal(ChangeRequestStatus.Pending, change.Status);
        Assert.Equal("Aubenas", order.Place);

        order.RefuseChange(change.Id, D("2026-02-03"));
        Assert.Equal(ChangeRequestStatus.Refused, change.Status);
        Assert.Equal("P5", Assert.Throws<DomainException>(() => order.RefuseChange(change.Id, D("2026-02-04"))).RuleId);
    }

    [Fact]
    public void M5_the_final_invoice_is_due_on_its_issue_date_and_asks_ttc_minus_payments_received()
    {
        var order = AnOrder().Confirmed();
        Assert.Throws<DomainException>(() => order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-17")));
        Assert.Throws<DomainException>(() => order.Complete(D("2026-03-16")));
        order.Complete(D("2026-03-17"));

        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-18"));

        Assert.Equal(InvoiceKind.Final, final.Kind);
        Assert.Equal(D("2026-03-18"), final.DueOn);
        Assert.Equal(E(2998.80m), final.Ttc);
        Assert.Equal(E(2499.00m), final.Ht);
        Assert.Equal(E(499.80m), final.Vat);
        Assert.Equal(order.PriceHt, final.Ht + order.Invoices[0].Ht);
        Assert.Equal(E(2998.80m), order.ClientAmountDue);
        Assert.Throws<DomainException>(() => order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-18")));
    }

    [Fact]
    public void LW4_an_invoice_needs_a_number_of_its_kind_and_is_cancelled_by_a_credit_note_never_deleted()
    {
        var order = AnOrder().SignedWithoutDeposit();
        Assert.Equal("LW4", Assert.Throws<DomainException>(() => order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-01-10"))).RuleId);
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));

        var note = order.CancelInvoice(deposit.Id, Guid.NewGuid(), Number(DocumentKind.CreditNote), D("2026-01-11"), "erreur de montant");

        Assert.Equal(2, order.Invoices.Count);
        Assert.Equal(InvoiceKind.CreditNote, note.Kind);
        Assert.Equal(deposit.Id, note.CreditsInvoiceId);
        Assert.Equal(E(1285.20m), note.Ttc);
        Assert.Equal(Money.Zero, deposit.AmountDue);
        Assert.Throws<DomainException>(() => order.CancelInvoice(deposit.Id, Guid.NewGuid(), Number(DocumentKind.CreditNote), D("2026-01-11"), "encore"));
        var again = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-11"));
        Assert.Equal(E(1285.20m), again.AmountDue);
    }

    [Fact]
    public void L4_a_client_with_an_invoice_unpaid_after_its_due_date_is_flagged()
    {
        var order = AnOrder().Completed();
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-17"));

        Assert.False(SuspensionPolicy.ForClient(order.OpenInvoices(), D("2026-03-17")).IsFlagged);
        var flagged = SuspensionPolicy.ForClient(order.OpenInvoices(), D("2026-03-18"));
        Assert.True(flagged.IsFlagged);
        Assert.Equal(E(2998.80m), flagged.TotalLate);
        Assert.Equal(["L4"], flagged.RuleIds);

        order.RecordPayment(final.Id, Guid.NewGuid(), E(2998m), D("2026-03-20"), "partiel");
        Assert.True(SuspensionPolicy.ForClient(order.OpenInvoices(), D("2026-03-21")).IsFlagged); // even partly unpaid
        order.RecordPayment(final.Id, Guid.NewGuid(), E(0.80m), D("2026-03-22"), "solde");
        Assert.False(SuspensionPolicy.ForClient(order.OpenInvoices(), D("2026-03-23")).IsFlagged);
    }

    [Fact]
    public void A1_absences_recorded_on_the_attendance_sheet_reduce_nothing()
    {
        var order = AnOrder().Confirmed();
        foreach (var p in order.Participants.Skip(1))
        {
            order.RecordAttendance(p.Id, D("2026-03-16"), HalfDay.Morning, false);
            order.RecordAttendance(p.Id, D("2026-03-16"), HalfDay.Afternoon, false);
        }

        order.RecordAttendance(order.Participants[0].Id, D("2026-03-16"), HalfDay.Morning, true);
        Assert.Throws<DomainException>(() => order.RecordAttendance(order.Participants[0].Id, D("2026-03-18"), HalfDay.Morning, true));
        order.Complete(D("2026-03-17"));
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-17"));
        var absence = order.Absence();

        Assert.Equal(E(2998.80m), final.Ttc);
        Assert.Equal(1, absence.AttendedHalfDays);
        Assert.Equal(5, absence.PlannedHalfDays);
        Assert.Equal(Money.Zero, absence.Reduction);
        Assert.Equal(["A1"], absence.RuleIds);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 2)]
    [InlineData(4, 4)]
    public void A1_the_price_due_is_the_same_whatever_the_attendance(int planned, int attended)
    {
        var decision = AbsencePolicy.Decide(E(4284m), planned, attended);
        Assert.Equal(E(4284m), decision.PriceDue);
        Assert.Throws<DomainException>(() => AbsencePolicy.Decide(E(4284m), 2, 3));
    }

    [Fact]
    public void K1_the_attestation_lists_all_the_course_objectives_at_the_end_of_the_training()
    {
        var order = AnOrder().Confirmed();
        var participant = order.Participants[0];
        Assert.Throws<DomainException>(() => order.Attestation(participant.Id));
        order.Complete(order.EndsOn);

        var attestation = order.Attestation(participant.Id);

        Assert.Equal(Crm().Objectives, attestation.Objectives);
        Assert.Equal(3, attestation.Objectives.Count);
        Assert.Equal("Participant 1", attestation.ParticipantName);
    }

    [Fact]
    public void LW2_the_attestation_states_nature_duration_in_hours_evaluation_and_attendance()
    {
        var order = AnOrder().Confirmed();
        var participant = order.Participants[0];
        order.RecordAttendance(participant.Id, D("2026-03-16"), HalfDay.Morning, true);
        order.RecordAttendance(participant.Id, D("2026-03-16"), HalfDay.Afternoon, false);
        order.Complete(order.EndsOn);

        var attestation = order.Attestation(participant.Id);

        Assert.Equal("Action de formation", attestation.Nature);
        Assert.Equal(14m, attestation.DurationHours);
        Assert.Contains("cas pratiques", attestation.EvaluationMethods, StringComparison.Ordinal);
        Assert.Equal(1, attestation.HalfDaysAttended);
        Assert.Equal(2, attestation.HalfDaysRecorded);
    }

    [Fact]
    public void T1_termination_is_possible_only_after_an_unanswered_formal_notice_of_8_days()
    {
        var order = AnOrder().Completed();
        Assert.Equal("T1", Assert.Throws<DomainException>(() => order.Terminate(D("2026-04-01"))).RuleId);
        order.RecordFormalNotice(D("2026-04-01"));

        Assert.Equal("T1", Assert.Throws<DomainException>(() => order.Terminate(D("2026-04-09"))).RuleId);
        var decision = order.Terminate(D("2026-04-10"));

        Assert.Equal(OrderStatus.Terminated, order.Status);
        Assert.Equal(D("2026-04-10"), decision.TerminationPossibleFrom);
        Assert.Throws<DomainException>(() => order.Terminate(D("2026-04-11")));
    }

    [Fact]
    public void Verbs_in_a_wrong_state_are_refused_with_a_sentence_never_ignored()
    {
        var order = AnOrder().Confirmed();
        var ex = Assert.Throws<DomainException>(() => order.RecordSignedDocument(SignedDocumentKind.Cgv, D("2026-01-20"), "cgv2.pdf"));
        Assert.Contains("confirmée", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-20")));
        Assert.Throws<DomainException>(() => order.IssueOpcoInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-01-20")));
        Assert.Throws<DomainException>(() => order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-01-20")));
        Assert.Throws<DomainException>(() => order.RecordRefund(Guid.NewGuid(), E(1m), D("2026-01-20"), "x"));
        Assert.Throws<DomainException>(() => order.PostponementDeadline(D("2026-01-20")));
    }

    internal static string Normalize(string s) => s.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [Fact]
    public void C2_a_participant_may_have_an_email_for_their_convocation_optional_and_checked()
    {
        var order = AnOrder().Confirmed();
        var participant = order.Participants[0];
        order.ChangeParticipantEmail(participant.Id, "  lucie.martin@exemple.fr ");
        Assert.Equal("lucie.martin@exemple.fr", participant.Email);
        foreach (var bad in new[] { "lucie", "lucie@", "@exemple.fr", "lucie@exemple", "lucie martin@exemple.fr", "a@b@exemple.fr" })
            Assert.Throws<DomainException>(() => order.ChangeParticipantEmail(participant.Id, bad));
        Assert.Equal("lucie.martin@exemple.fr", participant.Email);
        order.ChangeParticipantEmail(participant.Id, "");
        Assert.Null(participant.Email);
    }
}
