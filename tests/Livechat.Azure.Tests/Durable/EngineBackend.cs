namespace Livechat.Azure.Tests.Durable;

/// <summary>Which orchestration service runs under the TaskHubWorker.</summary>
public enum EngineBackend
{
    /// <summary>The in-memory service: the production worker path, no storage, fast.</summary>
    InMemory,
    /// <summary>The Azure Storage backend Durable Functions uses, on Azurite.</summary>
    AzureStorage,
}
