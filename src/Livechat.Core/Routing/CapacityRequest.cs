namespace Livechat.Core.Routing;

/// <summary>PUT /api/v1/admin/agents/{agentId}/capacity: <c>{"capacity":3}</c> (0 to 100; null: back to the default).</summary>
public sealed record CapacityRequest(int? Capacity);
