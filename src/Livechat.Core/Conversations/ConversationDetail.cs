using Livechat.Core.CustomFields;
using Livechat.Core.Notes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Conversations;

/// <summary>
/// One room for the dashboard: who the visitor is (the params the page set, and whether the customer's server vouched
/// for the user id), its custom fields of both scopes, and the transcript in order.
/// </summary>
public sealed record ConversationDetail
{
    public required string RoomId { get; init; }
    public required RoomStatus Status { get; init; }
    public string? Department { get; init; }
    public string? AgentId { get; init; }
    public string? UserId { get; init; }
    public required bool UserVerified { get; init; }
    /// <summary>The room's facts only the page vouches for (<see cref="PageAssertions"/>).</summary>
    public required IReadOnlyList<string> PageAsserted { get; init; }
    public required string VisitorId { get; init; }
    public required string RecipeId { get; init; }
    public required int RecipeVersion { get; init; }
    public required UserParams Params { get; init; }
    public required IReadOnlyList<CustomField> UserFields { get; init; }
    public required IReadOnlyList<CustomField> RoomFields { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndReason { get; init; }
    public required IReadOnlyList<ChatMessage> Messages { get; init; }
    /// <summary>True when the transcript has more than <see cref="ConversationsHandler.MaxTranscript"/> messages and only the first are shown.</summary>
    public bool Truncated { get; init; }
    /// <summary>The agents' internal notes, each placed after the message it follows (<see cref="RoomNote.AfterSeq"/>).</summary>
    public IReadOnlyList<RoomNote> Notes { get; init; } = [];
    /// <summary>Set when the room met the offline form (see <see cref="Room.Offline"/>).</summary>
    public Offline.OfflineState? Offline { get; init; }
    /// <summary>The name and e-mail left on the offline form.</summary>
    public Offline.VisitorContact? Contact { get; init; }
    /// <summary>The visitor's rating of the chat.</summary>
    public Csat.CsatAnswer? Csat { get; init; }
}
