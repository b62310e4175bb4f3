using System.Security.Cryptography;

namespace Lexom.Training.Web.Data;

/// <summary>What a stored file is. Stored as text.</summary>
public enum StoredFileKind
{
    /// <summary>The proposal (or training contract) PDF exactly as issued and e-mailed; its SHA-256 is what an online acceptance records.</summary>
    IssuedProposal,

    /// <summary>The proposal signed « BON POUR ACCORD », received on paper or scanned (P4).</summary>
    SignedProposal,

    /// <summary>The CGV initialled and signed (P4).</summary>
    SignedCgv,

    /// <summary>The training contract signed by a private individual (P6, LW1).</summary>
    SignedTrainingContract,

    /// <summary>An invoice, deposit invoice or credit note as issued (LW4, LW5).</summary>
    Invoice,

    /// <summary>The copy of an OPCO's funding agreement (O1).</summary>
    OpcoAgreement,

    /// <summary>A written request received from the client: cancellation, postponement, change (X1, R1, P5), or a formal notice (T1).</summary>
    WrittenRequest,

    /// <summary>A participant's end-of-training attestation (K1, LW2, A1), issued when the session is closed.</summary>
    Attestation,
}

/// <summary>
/// A document kept by the application: in PostgreSQL (never under the web root), served only through the
/// staff and client-space actions that check who may read it. Metadata and content are separate columns so
/// lists never read the bytes.
/// </summary>
public sealed class StoredFile
{
    /// <summary>The largest upload accepted (signed documents scanned as PDF, JPEG or PNG).</summary>
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public StoredFile(Guid id, StoredFileKind kind, Guid? clientId, string fileName, string contentType, byte[] content, DateTimeOffset storedAt, Guid? storedBy)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        Kind = kind;
        ClientId = clientId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.Length;
        Sha256 = HashOf(content);
        StoredAt = storedAt;
        StoredBy = storedBy;
    }

    public Guid Id { get; private set; }

    public StoredFileKind Kind { get; private set; }

    /// <summary>The client whose file it is: a client account reads only its own client's files.</summary>
    public Guid? ClientId { get; private set; }

    public Guid? ProposalId { get; set; }

    public Guid? OrderId { get; set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>64 lowercase hexadecimal digits.</summary>
    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    public Guid? StoredBy { get; private set; }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
