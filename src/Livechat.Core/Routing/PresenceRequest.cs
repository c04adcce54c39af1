namespace Livechat.Core.Routing;

/// <summary>PUT /api/v1/agent/presence: <c>{"status":"online|away|offline"}</c>.</summary>
public sealed record PresenceRequest(string? Status);
