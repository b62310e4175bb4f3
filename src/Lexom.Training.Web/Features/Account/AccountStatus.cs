using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Lexom.Training.Web.Features.Account;

/// <summary>
/// Disabling and enabling an account (issue 9, item 5; ASVS 7.4.2). A disabled account is locked out without end, so it
/// cannot sign in, and its security stamp changes, so every session cookie it already holds is refused at its next
/// check (<see cref="Infrastructure.Security.SecurityRegistration.StampValidationInterval"/>).
/// </summary>
public sealed class AccountStatus(UserManager<AppUser> users, ILogger<AccountStatus> logger)
{
    public static bool IsDisabled(AppUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>Disables the account; false when there is no such account.</summary>
    public async Task<bool> DisableAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return false;
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        logger.LogWarning("Compte {UserId} désactivé : ses sessions sont closes", userId);
        return true;
    }

    /// <summary>Enables a disabled account again (its old sessions stay closed).</summary>
    public async Task<bool> EnableAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return false;
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        logger.LogInformation("Compte {UserId} réactivé", userId);
        return true;
    }

    /// <summary>Ends every session of the account (logout; ASVS 7.4.1): the cookies it signed are refused at their next check.</summary>
    public async Task EndSessionsAsync(AppUser user) => Check(await users.UpdateSecurityStampAsync(user));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
