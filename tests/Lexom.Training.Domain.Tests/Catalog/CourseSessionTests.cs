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
}
