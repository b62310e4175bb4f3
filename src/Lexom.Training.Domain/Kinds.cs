namespace Lexom.Training.Domain;

/// <summary>Who pays: a company (personne morale) or a private individual (personne physique). Stored as text.</summary>
public enum PayerKind
{
    Company,
    PrivateIndividual,
}

/// <summary>Where the order was taken. Stored as text.</summary>
public enum SalesChannel
{
    /// <summary>Ordered by the client on the public website (P7 applies to individuals).</summary>
    Website,

    /// <summary>Entered by LEXOM's staff (e-mail, phone, signed paper).</summary>
    Staff,
}

/// <summary>INTER: a catalogue session open to several clients; INTRA: at the client's, for its own staff. Stored as text.</summary>
public enum TrainingKind
{
    Inter,
    Intra,
}
