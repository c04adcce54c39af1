using Livechat.Azure.Durable;
using Livechat.Core.Rooms;

namespace Livechat.Functions.Durable;

/// <summary>
/// The room orchestration port in the Functions app, on the Durable client that DurableClientMiddleware binds for
/// the invocation of a function declaring <c>[DurableClient]</c>.
/// </summary>
public sealed class FunctionsRoomOrchestrations : IRoomOrchestrations
{
    private static DurableTaskClientRoomOrchestrations Client => new(InvocationDurableClient.Required);

    public Task<bool> StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken) => Client.StartAsync(input, cancellationToken);

    public Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken) => Client.SignalAsync(roomId, signal, cancellationToken);

    public Task ResumeIfFailedAsync(string roomId, RoomOrchestrationInput ifMissing, CancellationToken cancellationToken) =>
        Client.ResumeIfFailedAsync(roomId, ifMissing, cancellationToken);

    public Task EnsureIdleSweepAsync(CancellationToken cancellationToken) => Client.EnsureIdleSweepAsync(cancellationToken);

    public Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken) => Client.GetStatusAsync(roomId, cancellationToken);
}
