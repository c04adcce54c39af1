namespace Livechat.EndToEnd.Tests.Support;

/// <summary>One local server process for the agent tests, with its own admin key set the way a deployment sets it.</summary>
public sealed class AgentServerFixture : IAsyncLifetime
{
    public const string AdminKey = "agent-tests-admin-key-0123456789-abcdefghij";

    public FunctionsHost Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await FunctionsHost.StartAsync(new Dictionary<string, string> { ["Admin__ApiKey"] = AdminKey });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
