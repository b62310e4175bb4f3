using Lexom.Training.Domain.Requests;

namespace Lexom.Training.Web.Features.RequestsAdmin;

public static class RequestText
{
    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.New => "Nouvelle",
        RequestStatus.InProgress => "En cours",
        RequestStatus.ProposalIssued => "Proposition émise",
        RequestStatus.Closed => "Classée",
        _ => status.ToString(),
    };
}
