using Microsoft.AspNetCore.Identity;

namespace Lexom.Training.Web.Data;

/// <summary>A person who signs in: a client contact, a sales person, an admin, a trainer.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For a client account: the client whose proposals and documents it sees; null for staff.</summary>
    public Guid? ClientId { get; set; }
}

/// <summary>The roles. Each staff page names the one it needs.</summary>
public static class Roles
{
    public const string Client = "Client";
    public const string Sales = "Sales";
    public const string Admin = "Admin";

    /// <summary>A trainer (« Formateur »): sees the sessions they lead and fills their attendance, nothing else.</summary>
    public const string Trainer = "Trainer";
    public const string Staff = Sales + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Client, Sales, Admin, Trainer];

    public static string Label(string role) => role switch
    {
        Client => "Client",
        Sales => "Commercial",
        Admin => "Administrateur",
        Trainer => "Formateur",
        _ => role,
    };
}
