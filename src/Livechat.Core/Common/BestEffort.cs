namespace Livechat.Core.Common;

/// <summary>
/// Runs work whose failure must not fail the caller (an index, a routing pass after the change it follows is already
/// stored): a failure goes to <c>failed</c>, to be logged; a cancellation still ends the caller.
/// </summary>
public static class BestEffort
{
    public static async Task RunAsync(Func<Task> work, Action<Exception> failed)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed(e);
        }
    }
}
