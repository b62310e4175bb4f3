namespace Lexom.Training.Domain.Catalog;

/// <summary>Stored as text.</summary>
public enum CourseStatus
{
    Draft,
    Published,
}
