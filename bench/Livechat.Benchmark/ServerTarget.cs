using Livechat.LocalStack;

namespace Livechat.Benchmark;

/// <summary>The app under test: where it listens, its admin key and its storage names.</summary>
public sealed record ServerTarget(Uri BaseAddress, string AdminKey, string TablePrefix, string TaskHubName)
{
    public static ServerTarget Of(FunctionsHost host) => new(host.BaseAddress, host.AdminKey, host.TablePrefix, host.TaskHubName);
}
