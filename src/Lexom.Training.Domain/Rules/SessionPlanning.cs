namespace Lexom.Training.Domain.Rules;

/// <summary>P2: how many sessions a request needs when the course has a maximum of participants.</summary>
public static class SessionPlanning
{
    /// <summary>P2: <c>ceil(n / max)</c> sessions, each at the same unit price; one session when there is no maximum.</summary>
    public static int SessionsNeeded(int participants, int? maximumPerSession)
    {
        if (participants < 1)
        {
            throw new DomainException("Une demande compte au moins un participant.", "P1");
        }

        if (maximumPerSession is null)
        {
            return 1;
        }

        if (maximumPerSession < 1)
        {
            throw new DomainException("Le nombre maximum de participants d'une formation est d'au moins 1.", "P2");
        }

        // P2
        return (participants + maximumPerSession.Value - 1) / maximumPerSession.Value;
    }
}
