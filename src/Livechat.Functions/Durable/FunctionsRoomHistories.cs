using Livechat.Azure.Durable;
using Livechat.Core.Privacy;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Durable;

/// <summary>The room histories' port in the Functions app, on the Durable client DurableClientMiddleware binds for the invocation.</summary>
public sealed class FunctionsRoomHistories : IRoomHistories
{
    private static readonly AsyncLocal<DurableTaskClientRoomHistories?> Current = new();

    /// <summary>Makes <paramref name="client"/> the one this invocation's erasures use.</summary>
    internal static IDisposable Bind(DurableTaskClient client)
    {
        Current.Value = new DurableTaskClientRoomHistories(client);
        return new Unbind();
    }

    private static DurableTaskClientRoomHistories Client =>
        Current.Value ?? throw new InvalidOperationException("No Durable client is bound: add a [DurableClient] parameter to the function.");

    public Task StopAsync(string roomId, CancellationToken cancellationToken) => Client.StopAsync(roomId, cancellationToken);

    public Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken) => Client.PurgeAsync(roomId, cancellationToken);

    private sealed class Unbind : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
