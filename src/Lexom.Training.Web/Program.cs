using Lexom.Training.Web.Infrastructure;
using Serilog;

// Start-up failures go to the console; each host then gets its own logger from configuration.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: FrenchCulture.Culture).CreateLogger();

try
{
    // Commands that need no database run before any host is built.
    if (CommandLine.IsStandalone(args))
        return await CommandLine.RunStandaloneAsync(args);

    // A command may be run from any folder: its settings are those beside the assembly.
    var builder = WebApplication.CreateBuilder(CommandLine.IsCommand(args)
        ? new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }
        : new WebApplicationOptions { Args = args });
    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
        .Enrich.FromLogContext()
        .WriteTo.Console(formatProvider: FrenchCulture.Culture), preserveStaticLogger: true);

    // Outside a published build (./lexom run, tests), static files come from the projects' wwwroot.
    if (!builder.Environment.IsProduction())
        builder.WebHost.UseStaticWebAssets();

    builder.Services.AddLexomServices(builder.Configuration, builder.Environment);

    var app = builder.Build();

    if (CommandLine.IsCommand(args))
        return await CommandLine.RunAsync(app, args);

    app.UseLexomPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "L'application s'est arrêtée sur une erreur");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
