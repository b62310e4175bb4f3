namespace Lexom.Training.Domain.Catalog;

/// <summary>Half of a training day, as the catalog names it.</summary>
public enum HalfDayPeriod
{
    Matin,
    ApresMidi,
}

public static class HalfDayPeriodText
{
    public static string Label(this HalfDayPeriod period) => period switch
    {
        HalfDayPeriod.Matin => "Matin",
        HalfDayPeriod.ApresMidi => "Après-midi",
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}

/// <summary>A numbered module of the programme ("1. Définir le CRM") with its topics.</summary>
public sealed record ProgrammeModule(int Number, string Title, IReadOnlyList<string> Topics);

/// <summary>A half-day of a programme day and the modules taught in it.</summary>
public sealed record ProgrammeHalfDay(HalfDayPeriod Period, IReadOnlyList<ProgrammeModule> Modules);

/// <summary>One day of the programme ("Jour 1").</summary>
public sealed record ProgrammeDay(int DayNumber, IReadOnlyList<ProgrammeHalfDay> HalfDays);
