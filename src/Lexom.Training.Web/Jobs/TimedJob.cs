namespace Lexom.Training.Web.Jobs;

/// <summary>
/// The loop of every timed background job: unless disabled on this instance, run at start, then every interval (time
/// from the injected <see cref="TimeProvider"/>); a failed run is logged and tried again at the next one; stops with
/// the host. A job gives its name, its settings and one run.
/// </summary>
public abstract class TimedJob : BackgroundService
{
    /// <summary>The injected clock (the waits between runs).</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract ILogger Logger { get; }

    /// <summary>What the job does, in French, as a subject: « L'expiration des propositions ».</summary>
    protected abstract string Name { get; }

    /// <summary>The setting that disables it, for the log: « Lexom:Jobs:ProposalExpiryEnabled ».</summary>
    protected abstract string EnabledSetting { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run.</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            Logger.LogInformation("{Job} : désactivé sur cette instance ({Setting}=false)", Name, EnabledSetting);
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
                // The database is unreachable, for example: try again at the next run.
                Logger.LogError(ex, "{Job} a échoué ; nouvel essai dans {Interval}", Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
