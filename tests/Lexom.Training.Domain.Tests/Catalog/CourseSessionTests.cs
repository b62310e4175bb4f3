using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests.Catalog;

public class CourseSessionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Course Crm(int? max = 10)
    {
        var content = new CourseContent(
            "CRM - fondamentaux et enjeux", Guid.NewGuid(), 2, 14, ["Utiliser le CRM", "Identifier les enjeux du CRM"], "A l'issue de la formation :",
            "Aucune", "Toute personne", ["présentations"], ["cas pratiques"], "une attestation sera délivrée",
            1190m, 1500m, max, "Sur demande", "Sous 15 jours", "formation@lexom.fr");
        return new Course("RCL-RCL-02", content, Today);
    }

    private static CourseSession Inter(string start = "2026-03-16", string end = "2026-03-17", int? max = 10) =>
        CourseSession.Plan(Guid.NewGuid(), Crm(max), SessionKind.Inter, null, D(start), D(end), "LEXOM, Aubenas", Today);

    [Fact]
    public void A_session_takes_its_capacity_from_the_course_maximum_and_an_intra_session_needs_its_client()
    {
        Assert.Equal(10, Inter().Capacity);
        Assert.Equal(CourseSession.DefaultCapacity, Inter(max: null).Capacity);
        Assert.Throws<DomainException>(() => CourseSession.Plan(Guid.NewGuid(), Crm(), SessionKind.Intra, null, D("2026-03-16"), D("2026-03-17"), "Chez le client", Today));
        Assert.Throws<DomainException>(() => Inter("2026-03-01", "2026-03-02"));
        Assert.Throws<DomainException>(() => Inter("2026-03-17", "2026-03-16"));
        Assert.Equal([D("2026-03-16"), D("2026-03-17")], Inter().Days);
    }

    [Fact]
    public void A_trainer_cannot_be_in_two_sessions_that_share_a_day()
    {
        var trainer = Guid.NewGuid();
        var first = Inter("2026-03-16", "2026-03-17");
        first.AssignTrainer(trainer, []);
        var overlapping = Inter("2026-03-17", "2026-03-18");
        var ex = Assert.Throws<DomainException>(() => overlapping.AssignTrainer(trainer, [first]));
        Assert.Contains("deux sessions à la fois", ex.Message, StringComparison.Ordinal);
        Assert.Null(overlapping.TrainerId);
        var after = Inter("2026-03-18", "2026-03-19");
        after.AssignTrainer(trainer, [first]);
        Assert.Equal(trainer, after.TrainerId);
    }

    [Fact]
    public void Seats_never_exceed_capacity_the_next_ones_wait_and_a_freed_seat_goes_to_the_first_waiting()
    {
        var session = Inter(max: 2);
        var order = AnOrder().Like(p => p.For(3)).Confirmed();
        var p = order.Participants;
        Assert.Equal(EnrolmentStatus.Enrolled, session.Enrol(Guid.NewGuid(), order, p[0].Id, Today));
        Assert.Equal(EnrolmentStatus.Enrolled, session.Enrol(Guid.NewGuid(), order, p[1].Id, Today));
        Assert.Equal(EnrolmentStatus.Waiting, session.Enrol(Guid.NewGuid(), order, p[2].Id, Today));
        Assert.Equal(2, session.SeatsTaken);
        Assert.Equal(0, session.SeatsLeft);
        Assert.Throws<DomainException>(() => session.Enrol(Guid.NewGuid(), order, p[0].Id, Today));

        var promoted = session.Unenrol(p[0].Id);
        Assert.Equal(p[2].Id, promoted!.ParticipantId);
        Assert.Equal(2, session.SeatsTaken);
    }

    [Fact]
    public void An_order_enrols_only_in_a_session_of_its_course_its_kind_and_its_dates()
    {
        var order = AnOrder().Confirmed();
        var participant = order.Participants[0].Id;
        Assert.Throws<DomainException>(() => Inter("2026-03-23", "2026-03-24").Enrol(Guid.NewGuid(), order, participant, Today));
        var intra = CourseSession.Plan(Guid.NewGuid(), Crm(), SessionKind.Intra, Guid.NewGuid(), D("2026-03-16"), D("2026-03-17"), "Chez le client", Today);
        Assert.Throws<DomainException>(() => intra.Enrol(Guid.NewGuid(), order, participant, Today));
        Assert.Throws<DomainException>(() => Inter().Enrol(Guid.NewGuid(), order, Guid.NewGuid(), Today));
    }

    [Fact]
    public void A_session_closes_at_its_end_once()
    {
        var session = Inter();
        Assert.Throws<DomainException>(() => session.Close(D("2026-03-16")));
        session.Close(D("2026-03-17"));
        Assert.Equal(SessionStatus.Closed, session.Status);
        Assert.Throws<DomainException>(() => session.Close(D("2026-03-18")));
    }

    [Fact]
    public void R1_a_session_moves_to_as_many_days_after_today_without_putting_its_trainer_in_two_sessions_and_its_version_grows()
    {
        var trainer = Guid.NewGuid();
        var session = Inter("2026-03-16", "2026-03-17");
        session.AssignTrainer(trainer, []);
        var other = Inter("2026-03-23", "2026-03-24");
        other.AssignTrainer(trainer, []);
        Assert.Equal(1, session.Version);
        Assert.Contains("autant de jours", Assert.Throws<DomainException>(() => session.Move(D("2026-03-30"), D("2026-04-01"), [], Today)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => session.Move(Today, Today.AddDays(1), [], Today));
        Assert.Contains("deux sessions à la fois", Assert.Throws<DomainException>(() => session.Move(D("2026-03-24"), D("2026-03-25"), [other], Today)).Message, StringComparison.Ordinal);
        Assert.Equal((D("2026-03-16"), 1), (session.StartsOn, session.Version)); // a refused move changes nothing
        session.Move(D("2026-03-30"), D("2026-03-31"), [other], Today);
        Assert.Equal((D("2026-03-30"), D("2026-03-31"), 2), (session.StartsOn, session.EndsOn, session.Version));
    }

    [Fact]
    public void X4_a_cancelled_session_frees_its_seats_takes_a_new_version_and_changes_no_more()
    {
        var session = Inter();
        var order = AnOrder().Like(p => p.For(2)).Confirmed();
        foreach (var p in order.Participants) session.Enrol(Guid.NewGuid(), order, p.Id, Today);
        session.Cancel(Today);
        Assert.Equal((SessionStatus.Cancelled, 0, 2, Today), (session.Status, session.SeatsTaken, session.Version, session.CancelledOn!.Value));
        Assert.Empty(session.Enrolments);
        Assert.Contains("annulée", Assert.Throws<DomainException>(() => session.Move(D("2026-03-30"), D("2026-03-31"), [], Today)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => session.Cancel(Today));
    }
}
