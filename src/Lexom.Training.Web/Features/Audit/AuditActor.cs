using System.Security.Claims;
using Lexom.Training.Web.Data;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>Who does something, from where: the signed-in user of the current request, or « système » for a job.</summary>
public sealed record AuditActor(Guid? UserId, string? Email, string? Role, string? IpAddress, string? UserAgent)
{
    public static readonly AuditActor System = new(null, "système", "Système", null, null);

    /// <summary>The current request's user; <see cref="System"/> outside a request (background jobs).</summary>
    public static AuditActor Of(HttpContext? http)
    {
        if (http is null) return System;
        var user = http.User;
        Guid? id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : null;
        var role = Roles.All.Where(user.IsInRole).Select(Roles.Label).FirstOrDefault(r => r != "Client") ?? (user.IsInRole(Roles.Client) ? "Client" : null);
        var agent = http.Request.Headers.UserAgent.ToString();
        return new AuditActor(id, id is null ? null : Cut(user.Identity?.Name, 256), role,
            http.Connection.RemoteIpAddress?.ToString(), Cut(agent.Length == 0 ? null : agent, 500));
    }

    /// <summary>A staff member (sales, admin or trainer): their views of client files are audited (G2).</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Sales) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Trainer);

    public AuditLogEntry Entry(DateTimeOffset at, AuditAction action, string entityType, string entityId, Guid? clientId, string? changes = null, string? detail = null) =>
        new()
        {
            At = at, UserId = UserId, UserEmail = Email, UserRole = Role, IpAddress = IpAddress, UserAgent = UserAgent,
            Action = action, EntityType = entityType, EntityId = entityId, ClientId = clientId, Changes = changes, Detail = Cut(detail, 1000),
        };

    internal static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..(max - 1)] + "…" : text;
}
