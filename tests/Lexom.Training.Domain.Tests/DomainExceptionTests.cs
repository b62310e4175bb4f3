using Lexom.Training.Domain;

namespace Lexom.Training.Domain.Tests;

public class DomainExceptionTests
{
    [Fact]
    public void A_refusal_carries_its_rule_id_and_message()
    {
        var ex = new DomainException("La proposition a expiré.", "P3");
        Assert.Equal("P3", ex.RuleId);
        Assert.Equal("La proposition a expiré.", ex.Message);
    }
}
