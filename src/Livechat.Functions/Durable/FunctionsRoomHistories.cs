using Livechat.Azure.Durable;
using Livechat.Core.Privacy;

namespace Livechat.Functions.Durable;

/// <summary>The room histories' port in the Functions app, on the Durable client DurableClientMiddleware binds for the invocation.</summary>
public sealed class FunctionsRoomHistories : IRoomHistories
{
    private static DurableTaskClientRoomHistories Client => new(InvocationDurableClient.Required);

    public Task StopAsync(string roomId, CancellationToken cancellationToken) => Client.StopAsync(roomId, cancellationToken);

    public Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken) => Client.PurgeAsync(roomId, cancellationToken);
}
