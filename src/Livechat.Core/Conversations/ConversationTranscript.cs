using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>One conversation's transcript as exported: the room's frame and its messages, never the agents' internal notes.</summary>
public sealed record ConversationTranscript(string RoomId, RoomStatus Status, string? Department, string? UserId, string? VisitorName,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? EndReason, IReadOnlyList<ChatMessage> Messages, bool Truncated)
{
    public static ConversationTranscript Of(ConversationDetail d) =>
        new(d.RoomId, d.Status, d.Department, d.UserId, d.Params.Name, d.StartedAt, d.EndedAt, d.EndReason, d.Messages, d.Truncated);
}
