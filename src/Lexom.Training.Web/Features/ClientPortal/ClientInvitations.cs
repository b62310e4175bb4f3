using Lexom.Training.Domain.Clients;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.ClientPortal;

/// <summary>What the issued-proposal e-mail says about the client space: an invitation link, or « connectez-vous ».</summary>
public sealed record PortalAccess(string? InvitationUrl, string SignInUrl)
{
    public bool IsInvitation => InvitationUrl is not null;
}

/// <summary>
/// The client account of a proposal's contact (issue 6, item 4). Called inside the caller's transaction:
/// the account is created (role Client, no password, e-mail not confirmed) together with the issue, or not at all.
/// </summary>
public sealed class ClientInvitations(
    AppDbContext db,
    UserManager<AppUser> users,
    IOptions<LexomOptions> options,
    TimeProvider clock,
    ILogger<ClientInvitations> logger)
{
    public const string InvitationPath = "/compte/invitation";

    /// <summary>
    /// The contact's account, created if the address has none. An account never activated (no password yet)
    /// gets a fresh invitation link; an active one is asked to sign in. Null if the account cannot be created.
    /// </summary>
    public async Task<PortalAccess?> EnsureAccountAsync(Client client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var signIn = baseUrl + "/compte/connexion";
        // Two proposals of the same client issued at once: one creates the account, the other waits and finds it.
        var key = "client-account:" + client.NormalizedEmail;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);

        var user = await users.FindByEmailAsync(client.Email);
        if (user is not null)
        {
            var invitable = user.PasswordHash is null && user.ClientId == client.Id && await users.IsInRoleAsync(user, Roles.Client);
            return invitable ? new PortalAccess(await LinkAsync(user, baseUrl), signIn) : new PortalAccess(null, signIn);
        }

        user = new AppUser
        {
            UserName = client.Email,
            Email = client.Email,
            EmailConfirmed = false,
            DisplayName = client.ContactName,
            CreatedAt = clock.GetUtcNow(),
            ClientId = client.Id,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Client);
        if (!created.Succeeded)
        {
            logger.LogWarning("Compte client non créé pour le client {ClientId} : {Errors}", client.Id, string.Join(" ", created.Errors.Select(e => e.Code)));
            return null;
        }
        logger.LogInformation("Compte client {UserId} créé par invitation pour le client {ClientId}", user.Id, client.Id);
        return new PortalAccess(await LinkAsync(user, baseUrl), signIn);
    }

    private async Task<string> LinkAsync(AppUser user, string baseUrl)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{baseUrl}{InvitationPath}?email={Uri.EscapeDataString(user.Email!)}&jeton={Uri.EscapeDataString(token)}";
    }
}
