namespace Livechat.Core.Routing;

/// <summary>An agent's capacity as set: <paramref name="Capacity"/> is what applies, <paramref name="IsDefault"/> whether it is the default.</summary>
public sealed record AgentCapacity(string AgentId, int Capacity, bool IsDefault);
