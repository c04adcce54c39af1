namespace Livechat.Core.Routing;

/// <summary>
/// One agent's routing row: the presence the agent chose, the capacity the admin set, and the rooms it holds. The
/// row's ETag is what keeps two instances from giving the agent more rooms than its capacity: a room is added to
/// <see cref="RoomIds"/> (its seat reserved) under the ETag before the room is claimed for the agent.
/// </summary>
/// <param name="Status">Null until the agent chooses one in the console.</param>
/// <param name="Capacity">Null: the default (<see cref="RoutingOptions.DefaultCapacity"/>).</param>
/// <param name="RoomIds">Seats taken: rooms claimed by or being assigned to the agent; checked against the rooms, which are the truth.</param>
/// <param name="LastAssignedAt">When the agent last got a chat: round-robin gives the next one to whoever waited longest.</param>
/// <param name="LastSeenAt">When the console was last heard (the presence heartbeat's row, read alongside).</param>
public sealed record AgentRouting(
    string AgentId,
    PresenceStatus? Status,
    int? Capacity,
    IReadOnlyList<string> RoomIds,
    DateTimeOffset? LastAssignedAt,
    DateTimeOffset? LastSeenAt = null,
    string? ETag = null)
{
    public static AgentRouting New(string agentId) => new(agentId, null, null, [], null);
}
