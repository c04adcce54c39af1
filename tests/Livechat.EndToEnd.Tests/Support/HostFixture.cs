namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// One Functions host for all tests of a class: a host takes seconds to start, and every test makes visitors of its
/// own, so tests share the host and never each other's sessions or rooms.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    public FunctionsHost Server { get; private set; } = null!;

    /// <summary>Settings over the local development ones, the way a deployment sets them.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public virtual async Task InitializeAsync() => Server = await FunctionsHost.StartAsync(Settings);

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();
}
