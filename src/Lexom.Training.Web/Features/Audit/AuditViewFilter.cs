using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>
/// G2: a staff member's view of a client file (client, request, proposal, order) and download of a document (proposal or
/// invoice PDF, stored file) is written to the audit trail: one <c>INSERT … SELECT</c> per page, the client found in the
/// same statement, which also answers whether the client's processing is restricted (G3) so that the page shows the
/// banner (<c>ViewData["PrivacyRestricted"]</c>, rendered by the layout). Only pages that were served (a view or a file),
/// never a 404. Registered for every controller; pages not in <see cref="Audited"/> cost nothing.
/// </summary>
public sealed class AuditViewFilter(AppDbContext db, TimeProvider clock) : IAsyncActionFilter
{
    public const string RestrictedKey = "PrivacyRestricted";

    /// <summary>Route template → the entity, the action, and the SQL giving its client from <c>@id</c>.</summary>
    private static readonly Dictionary<string, (string Entity, AuditAction Action, string ClientSql)> Audited = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gestion/clients/{id:guid}"] = ("Client", AuditAction.Viewed, "SELECT @id"),
        ["gestion/rgpd/clients/{id:guid}"] = ("Client", AuditAction.Viewed, "SELECT @id"),
        ["gestion/demandes/{id:guid}"] = ("ProposalRequest", AuditAction.Viewed, "SELECT client_id FROM proposal_requests WHERE id = @id"),
        ["gestion/propositions/{id:guid}"] = ("Proposal", AuditAction.Viewed, "SELECT client_id FROM proposals WHERE id = @id"),
        ["gestion/propositions/{id:guid}/pdf"] = ("Proposal", AuditAction.Downloaded, "SELECT client_id FROM proposals WHERE id = @id"),
        ["gestion/commandes/{id:guid}"] = ("Order", AuditAction.Viewed, "SELECT client_id FROM orders WHERE id = @id"),
        ["gestion/factures/{id:guid}/pdf"] = ("Invoice", AuditAction.Downloaded, "SELECT o.client_id FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.id = @id"),
        ["gestion/fichiers/{id:guid}"] = ("StoredFile", AuditAction.Downloaded, "SELECT client_id FROM stored_files WHERE id = @id"),
    };

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        if (executed.Result is not (ViewResult or FileResult)) return;
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template;
        if (template is null || !Audited.TryGetValue(template, out var audited)) return;
        var http = context.HttpContext;
        if (!AuditActor.IsStaff(http.User) || context.RouteData.Values["id"] is not string raw || !Guid.TryParse(raw, out var id)) return;

        var actor = AuditActor.Of(http);
        // The only text put into the SQL is the constant fragment of Audited; every value is a parameter.
#pragma warning disable EF1002
        var restricted = await db.Database.SqlQueryRaw<bool>($"""
            WITH ins AS (
                INSERT INTO {AuditLogEntryConfiguration.Table} (at, user_id, user_email, user_role, ip_address, user_agent, action, entity_type, entity_id, client_id)
                VALUES (@at, @user, @email, @role, @ip, @agent, @action, @entity, @entityId, ({audited.ClientSql}))
                RETURNING client_id)
            SELECT EXISTS (SELECT 1 FROM ins JOIN client_privacy p ON p.client_id = ins.client_id WHERE p.restricted_since IS NOT NULL) AS "Value"
            """,
            new NpgsqlParameter("at", clock.GetUtcNow()), new NpgsqlParameter("user", (object?)actor.UserId ?? DBNull.Value),
            new NpgsqlParameter("email", (object?)actor.Email ?? DBNull.Value), new NpgsqlParameter("role", (object?)actor.Role ?? DBNull.Value),
            new NpgsqlParameter("ip", (object?)actor.IpAddress ?? DBNull.Value), new NpgsqlParameter("agent", (object?)actor.UserAgent ?? DBNull.Value),
            new NpgsqlParameter("action", audited.Action.ToString()), new NpgsqlParameter("entity", audited.Entity),
            new NpgsqlParameter("entityId", id.ToString()), new NpgsqlParameter("id", id))
            .ToListAsync(http.RequestAborted);
#pragma warning restore EF1002
        if (restricted.FirstOrDefault() && executed.Result is ViewResult view) view.ViewData[RestrictedKey] = true;
    }
}
