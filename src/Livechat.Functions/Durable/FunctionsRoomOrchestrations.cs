using Livechat.Azure.Durable;
using Livechat.Core.Rooms;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Durable;

/// <summary>
/// The room orchestration port in the Functions app, on the Durable client that DurableClientMiddleware binds for
/// the invocation of a function declaring <c>[DurableClient]</c>.
/// </summary>
public sealed class FunctionsRoomOrchestrations : IRoomOrchestrations
{
    private static readonly AsyncLocal<DurableTaskClientRoomOrchestrations?> Current = new();

    /// <summary>Makes <paramref name="client"/> the one this invocation's handlers use.</summary>
    internal static IDisposable Bind(DurableTaskClient client)
    {
        Current.Value = new DurableTaskClientRoomOrchestrations(client);
        return new Unbind();
    }

    private static IRoomOrchestrations Client =>
        Current.Value ?? throw new InvalidOperationException("No Durable client is bound: add a [DurableClient] parameter to the function.");

    public Task<bool> StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken) => Client.StartAsync(input, cancellationToken);

    public Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken) => Client.SignalAsync(roomId, signal, cancellationToken);

    public Task ResumeIfFailedAsync(string roomId, RoomOrchestrationInput ifMissing, CancellationToken cancellationToken) =>
        Client.ResumeIfFailedAsync(roomId, ifMissing, cancellationToken);

    public Task EnsureIdleSweepAsync(CancellationToken cancellationToken) => Client.EnsureIdleSweepAsync(cancellationToken);

    public Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken) => Client.GetStatusAsync(roomId, cancellationToken);

    private sealed class Unbind : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
