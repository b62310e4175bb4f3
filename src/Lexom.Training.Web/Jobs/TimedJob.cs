namespace Lexom.Training.Web.Jobs;

/// <summary>
/// The loop of a periodic job: when enabled on this instance, one run at start and then one every interval, timed by the
/// injected <see cref="TimeProvider"/>. A failed run (the database unreachable, for example) is logged and tried again at
/// the next interval; stopping the host ends the loop. The job's work is <see cref="RunAsync"/>.
/// </summary>
public abstract class TimedJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The injected time (a fake one in the tests).</summary>
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>What the job does, in French, for the logs (« l'expiration des propositions »).</summary>
    protected abstract string What { get; }

    /// <summary>Whether this instance runs the job, and the time between two runs.</summary>
    protected abstract (bool Enabled, TimeSpan Interval, string Setting) Schedule { get; }

    /// <summary>One run.</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (enabled, interval, setting) = Schedule;
        if (!enabled)
        {
            logger.LogInformation("Tâche désactivée sur cette instance : {What} (Lexom:Jobs:{Setting}=false)", What, setting);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Échec de la tâche : {What} ; nouvel essai dans {Interval}", What, interval);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
