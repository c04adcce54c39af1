namespace Livechat.EndToEnd.Tests.Support;

/// <summary>One host for the agent tests, with its own admin key set the way a deployment sets it.</summary>
public sealed class AgentServerFixture : HostFixture
{
    public const string AdminKey = "agent-tests-admin-key-0123456789-abcdefghij";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Admin__ApiKey"] = AdminKey };
}
