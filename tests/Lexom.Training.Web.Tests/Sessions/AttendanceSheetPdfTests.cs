using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>A1: the printable attendance sheet of a session, for its trainer and the staff; another trainer gets a 404.</summary>
public sealed class AttendanceSheetPdfTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task A1_the_trainer_prints_the_attendance_sheet_with_the_participants_and_the_recorded_half_days()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("feuille@coteaux.example", 2, clientName: "Coteaux de l'Ardèche SCA"));
        var trainer = await TrainerAsync(app, "feuille.formateur@lexom.test");
        var other = await TrainerAsync(app, "autre.feuille@lexom.test");
        var (sessionId, _, _) = await ClosableSessionAsync(app, [order.Id], null, trainer.Id);

        using var tablet = app.NewClient();
        await tablet.LoginAsync(trainer.Email, trainer.Password);
        Assert.Contains($"/gestion/sessions/{sessionId}/emargement.pdf", await tablet.GetPageAsync($"/gestion/sessions/{sessionId}"), StringComparison.Ordinal);
        using var response = await tablet.GetAsync($"/gestion/sessions/{sessionId}/emargement.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = ProposalSteps.PdfText(await response.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[] { "Feuille d'émargement", "RCL-RCL-02", "Du lundi 23 février 2026 au mardi 24 février 2026", "Demi-journée 3,5 h",
                     "Participant 1", "Participant 2", "Coteaux de l'Ardèche SCA", "23 février 2026 Stagiaire", "24 février 2026 Stagiaire", "Présent(e)", "Absent(e)" })
            Assert.Contains(expected, text, StringComparison.Ordinal);

        using var stranger = app.NewClient();
        await stranger.LoginAsync(other.Email, other.Password);
        using var notTheirs = await stranger.GetAsync($"/gestion/sessions/{sessionId}/emargement.pdf");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }
}
