namespace Lexom.Training.Domain.Catalog;

/// <summary>
/// What a course's public page says (rule LW6: objectives, prerequisites, audience, duration, methods,
/// evaluation, price, how and how soon one can start, contacts, accessibility).
/// The programme is edited apart, day by day.
/// </summary>
public sealed record CourseContent(
    string Title,
    Guid DomainId,
    decimal DurationDays,
    decimal DurationHours,
    IReadOnlyList<string> Objectives,
    string ProgrammeIntro,
    string Prerequisites,
    string Audience,
    IReadOnlyList<string> PedagogicalMethods,
    IReadOnlyList<string> EvaluationMethods,
    string AttestationStatement,
    decimal? InterPricePerParticipant,
    decimal? IntraPricePerDay,
    int? MaxParticipants,
    string Accessibility,
    string AccessConditions,
    string Contact);
