namespace Lexom.Training.Web.Jobs;

/// <summary>Wakes the outbox dispatcher of this instance (a message was saved, staff asked for a retry),
/// so that it does not wait for its next poll. Other instances find the message at their own poll.</summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Nudge() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Returns when nudged (also by a nudge that came since the last wait) or when <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var wake = Volatile.Read(ref _wake);
        try
        {
            await wake.Task.WaitAsync(timeout, clock, ct);
        }
        catch (TimeoutException)
        {
            // The poll interval has passed.
        }
        if (wake.Task.IsCompleted)
            Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
    }
}
