using Livechat.Core.Rooms;

namespace Livechat.Core.Webhooks.Events;

/// <summary>The room as every room event describes it.</summary>
public sealed record WebhookRoom(
    string Id,
    string VisitorId,
    string? UserId,
    bool UserVerified,
    string? Department,
    string RecipeId,
    int RecipeVersion,
    RoomStatus Status,
    string? AgentId,
    DateTimeOffset CreatedAt)
{
    public static WebhookRoom From(Room room) =>
        new(room.RoomId, room.VisitorId, room.UserId, room.UserVerified, room.Department, room.RecipeId, room.RecipeVersion, room.Status, room.AgentId, room.CreatedAt);
}

/// <summary>One transcript line as a webhook carries it.</summary>
public sealed record WebhookMessage(string Id, long Seq, Sender Sender, string Text, IReadOnlyList<ChatButton> Buttons, string? BlockId, string? ButtonId, string? AgentId, DateTimeOffset SentAt)
{
    public static WebhookMessage From(ChatMessage m) => new(m.Id, m.Seq, m.Sender, m.Text, m.Buttons, m.BlockId, m.ButtonId, m.AgentId, m.SentAt);
}

/// <summary><c>chat.started</c></summary>
public sealed record ChatStartedData(WebhookRoom Room);

/// <summary><c>message.created</c></summary>
public sealed record MessageCreatedData(WebhookRoom Room, WebhookMessage Message);

/// <summary><c>chat.transferred</c>: the room joined a department's queue.</summary>
public sealed record ChatTransferredData(WebhookRoom Room, string Department);

/// <summary><c>chat.assigned</c>: an agent claimed the room.</summary>
public sealed record ChatAssignedData(WebhookRoom Room, string Department, string AgentId, string AgentName);

/// <summary><c>chat.ended</c></summary>
public sealed record ChatEndedData(WebhookRoom Room, string Reason);

/// <summary><c>user.identified</c>: setUserId linked a visitor to the customer's user.</summary>
public sealed record UserIdentifiedData(string UserId, string VisitorId, bool Verified, string? RoomId);

/// <summary><c>offline_message.created</c>: a visitor left a message on the offline form (the room is ended and marked offline).</summary>
public sealed record OfflineMessageCreatedData(WebhookRoom Room, string Name, string Email, WebhookMessage Message);

/// <summary><c>csat.submitted</c>: the visitor rated a chat with an agent, 1 to 5.</summary>
public sealed record CsatSubmittedData(WebhookRoom Room, int Rating, string? Comment, DateTimeOffset SubmittedAt);
