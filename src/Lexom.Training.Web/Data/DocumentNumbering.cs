using System.Data.Common;
using Lexom.Training.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lexom.Training.Web.Data;

/// <summary>
/// LW4: the next number of a kind of document (DEV, FAC, ACP, AV) in a year, without gaps even with
/// several app instances. The counter row of (kind, year) is incremented inside the caller's transaction:
/// concurrent issuers wait on its row lock, and a rollback gives the number back. Not a PostgreSQL
/// sequence, whose values are never given back.
/// </summary>
public sealed class DocumentNumbering(AppDbContext db)
{
    private const string Sql =
        "INSERT INTO document_counters (kind, year, last) VALUES (@kind, @year, 1) " +
        "ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1 RETURNING last";

    /// <summary>Takes the next sequence number; the caller's open transaction must save the document that carries it.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the context.</exception>
    public async Task<DocumentNumber> NextAsync(DocumentKind kind, int year, CancellationToken ct = default)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Un numéro de document se prend dans la transaction qui enregistre le document (LW4).");
        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = Sql;
        AddParameter(command, "kind", kind.ToString());
        AddParameter(command, "year", year);
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return DocumentNumber.Create(kind, year, last);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
