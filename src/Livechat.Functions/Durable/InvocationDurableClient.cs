using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Durable;

/// <summary>
/// The Durable client is a per-invocation binding, not a service: DurableClientMiddleware puts the invocation's here,
/// and the app's ports on the engine (room orchestrations, room histories, webhook pumps) read it.
/// </summary>
internal static class InvocationDurableClient
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    /// <summary>Makes <paramref name="client"/> the one this invocation's calls use, until disposed.</summary>
    public static IDisposable Bind(DurableTaskClient client)
    {
        Current.Value = client;
        return new Unbind();
    }

    /// <summary>The invocation's client, or null where the function declares none.</summary>
    public static DurableTaskClient? Bound => Current.Value;

    public static DurableTaskClient Required =>
        Current.Value ?? throw new InvalidOperationException("No Durable client is bound: add a [DurableClient] parameter to the function.");

    private sealed class Unbind : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
