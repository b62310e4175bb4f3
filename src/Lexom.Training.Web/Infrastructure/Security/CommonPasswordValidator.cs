using System.Collections.Frozen;
using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Lexom.Training.Web.Infrastructure.Security;

/// <summary>
/// OWASP ASVS 5 (V6.2): at least 12 characters, no composition rules, refused when the password is a
/// known common one or contains the account's own e-mail name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length < MinimumLength)
            errors.Add(new() { Code = "PasswordTooShort", Description = $"Le mot de passe doit compter au moins {MinimumLength} caractères (une phrase facile à retenir convient très bien)." });
        else if (password.Length > MaximumLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Le mot de passe ne peut pas dépasser {MaximumLength} caractères." });
        else if (IsCommon(password))
            errors.Add(new() { Code = "PasswordCommon", Description = "Ce mot de passe figure parmi les plus courants : choisissez-en un autre." });
        else if (user.Email is { } email && email.Split('@')[0] is { Length: >= 4 } local
                 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordContainsEmail", Description = "Le mot de passe ne doit pas contenir votre adresse e-mail." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("La liste des mots de passe courants est absente.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
