using Lexom.Training.Web.Tests.Infrastructure;
using MimeKit;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>Without Email:Smtp:Host (the demo), messages become .eml files in the pickup directory.</summary>
public sealed class PickupMailApp : MailApp
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "lexom-mail-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Email:Smtp:Host"] = "";
            settings["Email:PickupDirectory"] = Directory;
            return settings;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class PickupDirectoryTests(PickupMailApp app) : IClassFixture<PickupMailApp>
{
    [Fact]
    public async Task Without_smtp_settings_each_message_is_written_once_as_an_eml_file()
    {
        var row = await app.EnqueueAsync("demo@exemple.fr", "Démonstration sans SMTP");

        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Sent);
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);

        var file = Assert.Single(Directory.GetFiles(app.Directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Démonstration sans SMTP", message.Subject);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Empty(app.Smtp.Received);

        using var admin = await app.SignedInAsync(Data.Roles.Admin);
        var page = await admin.GetPageAsync("/gestion/emails");
        Assert.Contains($"dossier {app.Directory}", page, StringComparison.Ordinal);
    }
}
