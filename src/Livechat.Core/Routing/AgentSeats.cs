using Livechat.Core.Common;

namespace Livechat.Core.Routing;

/// <summary>Adds and frees an agent's seats on its routing row, under the row's ETag (a manual claim takes one too).</summary>
public sealed class AgentSeats(IAgentRoutingStore store)
{
    public Task AddAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        ChangeAsync(agentId, ids => ids.Contains(roomId, StringComparer.Ordinal) ? null : [.. ids, roomId], cancellationToken);

    public Task RemoveAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        ChangeAsync(agentId, ids => ids.Contains(roomId, StringComparer.Ordinal) ? ids.Where(id => id != roomId).ToList() : null, cancellationToken);

    /// <param name="change">The new list, or null when nothing is to change (no write).</param>
    private async Task ChangeAsync(string agentId, Func<IReadOnlyList<string>, IReadOnlyList<string>?> change, CancellationToken cancellationToken)
    {
        var done = await OptimisticConcurrency.RunAsync<bool>("agent", async _ =>
        {
            var row = await store.GetAsync(agentId, cancellationToken);
            if (change(row.RoomIds) is not { } next) return true;
            return await store.TrySaveAsync(row with { RoomIds = next }, cancellationToken) is null ? null : true;
        });
        if (!done.IsSuccess) throw new InvalidOperationException(done.Problem!.Title);
    }
}
