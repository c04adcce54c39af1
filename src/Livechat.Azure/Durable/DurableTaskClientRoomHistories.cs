using Livechat.Core.Privacy;
using Microsoft.DurableTask.Client;

namespace Livechat.Azure.Durable;

/// <summary>The rooms' orchestration histories over the Durable client: terminate, wait, purge.</summary>
public sealed class DurableTaskClientRoomHistories(DurableTaskClient client) : IRoomHistories
{
    /// <summary>How long a stop waits for the orchestration to take its termination.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public async Task StopAsync(string roomId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(roomId, cancellationToken);
        if (instance is null || !(instance.IsRunning || instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)) return;
        await client.TerminateInstanceAsync(roomId, new TerminateInstanceOptions { Output = "erased" }, cancellationToken);
        // Termination is a message the orchestration takes on its next turn; until then it could still schedule work.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopTimeout);
        await client.WaitForInstanceCompletionAsync(roomId, timeout.Token);
    }

    public async Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken)
    {
        var result = await client.PurgeInstanceAsync(roomId, null, cancellationToken);
        return result.PurgedInstanceCount;
    }
}
