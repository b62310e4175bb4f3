using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class ProposalTests
{
    public static TheoryData<string, Func<ProposalBuilder, ProposalBuilder>, string> MissingFields => new()
    {
        { "place", b => b.WithoutPlace(), "le lieu" },
        { "billing address", b => b.WithoutBillingAddress(), "l'adresse de facturation" },
        { "participants", b => b.For(0).OnlyLine("Forfait", 1, 500m), "le nombre et les noms des participants" },
        { "price", b => b.OnlyLine("Offert", 1, 0m), "le prix" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void P1_a_proposal_missing_a_required_field_cannot_be_issued(string field, Func<ProposalBuilder, ProposalBuilder> without, string expected)
    {
        var draft = without(AProposal()).BuildDraft();

        var ex = Assert.Throws<DomainException>(() => draft.Issue(D("2026-01-05"), "CGV-2026-01", Vat, Number(DocumentKind.Proposal)));

        Assert.Equal("P1", ex.RuleId);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, draft.Status);
        Assert.NotNull(field);
    }

    [Fact]
    public void P1_a_proposal_without_dates_or_course_title_cannot_be_issued()
    {
        var draft = AProposal().BuildDraft();
        draft.ClearSessions();
        draft.ChangeCourse(Crm() with { Title = " " });

        var missing = draft.MissingForIssue();

        Assert.Contains("la ou les dates", missing);
        Assert.Contains("l'intitulé de la formation", missing);
    }

    [Fact]
    public void P1_placeholder_names_may_be_issued_but_not_accepted()
    {
        var proposal = AProposal().For(3).WithPlaceholders(2).Build();
        Assert.Equal(ProposalStatus.Issued, proposal.Status);
        Assert.Equal(2, proposal.Participants.Count(p => p.IsPlaceholder));
        Assert.Equal(CgvReadings.ParticipantPlaceholder, proposal.Participants[0].Name);

        var ex = Assert.Throws<DomainException>(() => proposal.Accept(D("2026-01-10")));

        Assert.Equal("P1", ex.RuleId);
        Assert.Equal(ProposalStatus.Issued, proposal.Status);
    }

    [Fact]
    public void P1_placeholders_named_before_acceptance_let_the_client_accept()
    {
        var proposal = AProposal().For(2).WithPlaceholders(2).Build();
        proposal.NameParticipant(proposal.Participants[0].Id, "Jeanne Martin");
        proposal.NameParticipant(proposal.Participants[1].Id, "Ali Benali");

        proposal.Accept(D("2026-01-10"));

        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Throws<DomainException>(() => proposal.NameParticipant(proposal.Participants[0].Id, "Autre"));
    }

    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(12, null, 1)]
    [InlineData(8, 8, 1)]
    [InlineData(9, 8, 2)]
    [InlineData(16, 8, 2)]
    [InlineData(17, 8, 3)]
    [InlineData(1, 1, 1)]
    [InlineData(5, 1, 5)]
    public void P2_sessions_needed_is_the_ceiling_of_participants_over_the_maximum(int participants, int? max, int sessions)
    {
        Assert.Equal(sessions, SessionPlanning.SessionsNeeded(participants, max));
    }

    [Fact]
    public void P2_more_participants_than_the_maximum_need_dates_for_each_session_at_the_same_unit_price()
    {
        var draft = AProposal().For(10).MaxPerSession(8).At(1190m).BuildDraft();
        Assert.Equal(2, draft.PlannedSessionCount);
        Assert.Contains(draft.MissingForIssue(), m => m.Contains("2 sessions", StringComparison.Ordinal));

        draft.AddSession(D("2026-04-13"), D("2026-04-14"));
        draft.Issue(D("2026-01-05"), "CGV-2026-01", Vat, Number(DocumentKind.Proposal));

        Assert.Equal(E(11900m), draft.Totals.Ht); // 10 × 1 190,00, no surcharge for the second session
    }

    [Fact]
    public void P3_valid_until_is_the_issue_date_plus_30_days()
    {
        var proposal = AProposal().IssuedOn("2026-01-05").Build();
        Assert.Equal(D("2026-02-04"), proposal.ValidUntil);
        Assert.Equal("CGV-2026-01", proposal.CgvVersion);
        Assert.Equal(Crm().Objectives, proposal.Course.Objectives);
    }

    [Theory]
    [InlineData("2026-01-05", "2026-02-04", true)]  // 30th day
    [InlineData("2026-01-05", "2026-02-05", false)] // 31st day
    [InlineData("2026-01-31", "2026-03-02", true)]  // month end, 28-day February
    [InlineData("2026-01-31", "2026-03-03", false)]
    [InlineData("2028-01-31", "2028-03-01", true)]  // leap year: 29 February counts
    [InlineData("2028-01-31", "2028-03-02", false)]
    [InlineData("2026-12-15", "2027-01-14", true)]  // across the new year
    [InlineData("2026-12-15", "2027-01-15", false)]
    public void P3_acceptance_is_possible_up_to_and_including_the_30th_day(string issued, string accepted, bool ok)
    {
        var proposal = AProposal().IssuedOn(issued).Build();

        if (ok)
        {
            proposal.Accept(D(accepted));
            Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => proposal.Accept(D(accepted)));
            Assert.Equal("P3", ex.RuleId);
            Assert.Contains("expiré", ex.Message, StringComparison.Ordinal);
            Assert.Equal(ProposalStatus.Issued, proposal.Status);
        }
    }

    [Fact]
    public void P3_a_proposal_expires_only_from_the_day_after_valid_until()
    {
        var proposal = AProposal().IssuedOn("2026-01-05").Build();

        var ex = Assert.Throws<DomainException>(() => proposal.Expire(D("2026-02-04")));
        Assert.Equal("P3", ex.RuleId);

        proposal.Expire(D("2026-02-05"));
        Assert.Equal(ProposalStatus.Expired, proposal.Status);
        Assert.Equal(D("2026-02-05"), proposal.ExpiredOn);
        Assert.Equal("P3", Assert.Throws<DomainException>(() => proposal.Accept(D("2026-02-05"))).RuleId);
    }

    [Fact]
    public void P3_the_expiry_reminder_is_due_from_7_days_before_valid_until_once()
    {
        var proposal = AProposal().IssuedOn("2026-03-02").Build(); // valid until 1 April

        Assert.False(proposal.ReminderDue(D("2026-03-24")));
        Assert.True(proposal.ReminderDue(D("2026-03-25")));
        Assert.True(proposal.ReminderDue(D("2026-03-31")));
        Assert.False(proposal.ReminderDue(D("2026-04-01")));
        Assert.Equal("P3", Assert.Throws<DomainException>(() => proposal.RecordReminder(D("2026-03-24"))).RuleId);

        proposal.RecordReminder(D("2026-03-25"));
        Assert.Equal(D("2026-03-25"), proposal.ReminderSentOn);
        Assert.False(proposal.ReminderDue(D("2026-03-26")));
        Assert.Throws<DomainException>(() => proposal.RecordReminder(D("2026-03-26")));
    }

    [Fact]
    public void P3_an_expired_proposal_is_reissued_with_the_same_number_and_a_version_suffix()
    {
        var first = AProposal().IssuedOn("2026-01-05").Build();
        first.Expire(D("2026-02-10"));

        var second = first.Reissue(Guid.NewGuid(), D("2026-02-10"));
        second.Issue(D("2026-02-10"), "CGV-2026-01", Vat);

        Assert.Equal(ProposalStatus.Superseded, first.Status);
        Assert.Equal(second.Id, first.SupersededById);
        Assert.Equal(first.Id, second.PreviousVersionId);
        Assert.Equal(first.Number!.ToString() + "-V2", second.Number!.ToString());
        Assert.Equal(2, second.Version);
        Assert.Equal(D("2026-03-12"), second.ValidUntil);
        Assert.Equal(first.Totals.Ttc, second.Totals.Ttc);
        Assert.Equal(first.Lines.Count, second.Lines.Count);
        second.Accept(D("2026-03-12"));
        Assert.Equal("V3", second.Number.NextVersion().ToString()[^2..]);
    }

    [Fact]
    public void P3_a_superseded_or_draft_proposal_cannot_be_accepted_or_reissued()
    {
        var first = AProposal().Build();
        first.Reissue(Guid.NewGuid(), D("2026-01-06"));

        Assert.Throws<DomainException>(() => first.Accept(D("2026-01-07")));
        Assert.Throws<DomainException>(() => first.Reissue(Guid.NewGuid(), D("2026-01-07")));
        Assert.Throws<DomainException>(() => AProposal().BuildDraft().Accept(D("2026-01-07")));
        Assert.Throws<DomainException>(() => AProposal().BuildDraft().Validity(D("2026-01-07")));
    }

    [Fact]
    public void P3_a_declined_proposal_can_be_reissued_but_not_accepted()
    {
        var proposal = AProposal().Build();
        proposal.Decline(D("2026-01-08"));

        Assert.Throws<DomainException>(() => proposal.Accept(D("2026-01-09")));
        var next = proposal.Reissue(Guid.NewGuid(), D("2026-01-09"));
        Assert.Equal(ProposalStatus.Draft, next.Status);
    }

    [Fact]
    public void P5_an_issued_proposal_can_no_longer_be_edited()
    {
        var proposal = AProposal().Build();

        var ex = Assert.Throws<DomainException>(() => proposal.AddLine(Guid.NewGuid(), "Extra", 1, E(100m)));

        Assert.Equal("P5", ex.RuleId);
        Assert.Throws<DomainException>(() => proposal.SetPlace("Lyon"));
        Assert.Throws<DomainException>(() => proposal.ChangeCourse(Crm(4)));
        Assert.Single(proposal.Lines);
    }

    [Fact]
    public void M2_an_issued_proposal_says_the_price_excludes_trainees_travel_and_includes_the_trainers()
    {
        var proposal = AProposal().Build();
        Assert.Contains("ne comprennent pas les frais de déplacement et de repas des stagiaires", proposal.PriceScopeStatement, StringComparison.Ordinal);
        Assert.Contains("ceux du formateur", proposal.PriceScopeStatement, StringComparison.Ordinal);
        Assert.Null(AProposal().BuildDraft().PriceScopeStatement);
    }

    [Fact]
    public void M3_a_draft_has_no_ttc_before_its_issue_date_gives_the_vat_rate()
    {
        var draft = AProposal().BuildDraft();
        Assert.Throws<DomainException>(() => draft.Totals);
        Assert.Equal(E(4284m), draft.TotalsAt(Percentage.Of(20m)).Ttc);
    }

    [Fact]
    public void M3_odd_amounts_round_per_line_on_the_proposal()
    {
        var proposal = AProposal().OnlyLine("Journée", 1, 999.99m).AndLine("Support", 3, 12.35m).Build();
        Assert.Equal(E(1037.04m), proposal.Totals.Ht);
        Assert.Equal(E(207.41m), proposal.Totals.Vat); // round(207.408)
        Assert.Equal(E(1244.45m), proposal.Totals.Ttc);
        Assert.Equal(E(373.34m), proposal.Deposit.Amount); // round(373.335)
    }

    [Fact]
    public void P6_a_private_individual_gets_the_same_30_percent_deposit()
    {
        var proposal = AProposal().PrivateIndividual().Build();
        Assert.Equal(E(1285.20m), proposal.Deposit.Amount);
        Assert.Contains("P6", proposal.Deposit.RuleIds);
    }
}
