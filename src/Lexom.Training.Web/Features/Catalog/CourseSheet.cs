using Lexom.Training.Domain.Catalog;
using Lexom.Training.Documents;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>A course's catalog page as the printable programme (the Documents project's course sheet).</summary>
public static class CourseSheet
{
    public static CourseSheetDocument From(Course c, string domainName, SellerIdentity seller) => new()
    {
        Seller = seller,
        Reference = c.Reference,
        Title = c.Title,
        Domain = domainName,
        DurationDays = c.DurationDays,
        DurationHours = c.DurationHours,
        Objectives = c.Objectives,
        ProgrammeIntroduction = c.ProgrammeIntro,
        Programme = c.Programme.Select(d => new Documents.ProgrammeDay
        {
            DayNumber = d.DayNumber,
            HalfDays = d.HalfDays.Select(h => new Documents.ProgrammeHalfDay
            {
                Label = h.Period.Label(),
                Modules = h.Modules.Select(m => new Documents.ProgrammeModule { Number = m.Number, Title = m.Title, Topics = m.Topics }).ToList(),
            }).ToList(),
        }).ToList(),
        Prerequisites = [c.Prerequisites],
        Audience = [c.Audience],
        PedagogicalMethods = c.PedagogicalMethods,
        EvaluationMethods = c.EvaluationMethods,
        AttestationStatement = c.AttestationStatement,
        InterPricePerParticipant = c.InterPricePerParticipant,
        IntraPricePerDay = c.IntraPricePerDay,
        MaxParticipants = c.MaxParticipants,
        Accessibility = c.Accessibility,
        AccessDelay = c.AccessConditions,
        Contact = c.Contact,
        LastUpdatedOn = c.LastUpdatedOn,
    };
}
