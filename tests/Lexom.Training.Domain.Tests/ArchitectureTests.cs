namespace Lexom.Training.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void The_domain_references_neither_EF_nor_ASP_NET_nor_the_database()
    {
        var references = typeof(DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, name =>
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Lexom.Training.Web", StringComparison.Ordinal)
            || name.StartsWith("Lexom.Training.Documents", StringComparison.Ordinal));
    }
}
