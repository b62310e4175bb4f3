namespace Lexom.Training.Domain.Catalog;

/// <summary>
/// A scheduled INTER session of a course, as the public course page lists it (dates, place, seats).
/// The sessions issue grows it into the full session with trainer, enrolments and attendance.
/// </summary>
public sealed class CourseSession
{
    private CourseSession() { }

    public CourseSession(Guid courseId, DateOnly startsOn, DateOnly endsOn, string place, int capacity)
    {
        if (endsOn < startsOn)
            throw new DomainException("La date de fin ne peut pas précéder la date de début.");
        if (string.IsNullOrWhiteSpace(place))
            throw new DomainException("Le lieu de la session est obligatoire.");
        if (capacity < 1)
            throw new DomainException("La capacité d'une session est d'au moins une place.");
        Id = Guid.NewGuid();
        CourseId = courseId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Place = place.Trim();
        Capacity = capacity;
    }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string Place { get; private set; } = "";
    public int Capacity { get; private set; }
    public int SeatsTaken { get; private set; }
    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);
}
