using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>The app with a deposit rate of 40 % (Lexom:DepositRate).</summary>
public sealed class FortyPercentDepositApp : LexomApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lexom:DepositRate"] = "40" };
}

public sealed class ProposalSettingsTests(FortyPercentDepositApp app) : IClassFixture<FortyPercentDepositApp>
{
    [Fact]
    public async Task M4_the_deposit_rate_is_a_setting_taken_into_the_draft()
    {
        var requestId = await ProposalSteps.RequestAsync(app, 3, "", "reglage@exemple.test");
        using var sales = await app.SignedInAsync(Roles.Sales);
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        Assert.Contains("Acompte (40 % du TTC)</dt><dd>1 713,60 €", page, StringComparison.Ordinal); // round(0.40 × 4 284,00)
    }
}
