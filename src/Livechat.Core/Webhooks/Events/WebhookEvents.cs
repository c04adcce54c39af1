using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// Which <see cref="ChatEvent"/> is which webhook event, beside <see cref="ChatAudiences"/>: the one map, so every
/// place that raises a chat event raises its webhook event too, through <see cref="ChatEventPublisher"/>. Events that
/// only connected clients care about (typing, an agent joining, which chat.assigned already says) map to none.
/// </summary>
public static class WebhookEvents
{
    public static WebhookEvent? For(ChatEvent chatEvent) => chatEvent switch
    {
        ChatEvent.Started e => OfRoom(WebhookEventTypes.ChatStarted, e.Room, new ChatStartedData(WebhookRoom.From(e.Room))),
        ChatEvent.MessageAdded e => new WebhookEvent(WebhookEventTypes.MessageCreated, e.Room.RoomId, e.Message.Seq,
            new MessageCreatedData(WebhookRoom.From(e.Room), WebhookMessage.From(e.Message))),
        ChatEvent.Queued e => OfRoom(WebhookEventTypes.ChatTransferred, e.Room, new ChatTransferredData(WebhookRoom.From(e.Room), e.Department)),
        ChatEvent.Claimed e => OfRoom(WebhookEventTypes.ChatAssigned, e.Room, new ChatAssignedData(WebhookRoom.From(e.Room), e.Department, e.AgentId, e.AgentName)),
        ChatEvent.Ended e => OfRoom(WebhookEventTypes.ChatEnded, e.Room, new ChatEndedData(WebhookRoom.From(e.Room) with { Status = RoomStatus.Ended }, e.Reason)),
        ChatEvent.UserIdentified e => new WebhookEvent(WebhookEventTypes.UserIdentified, e.RoomId, null, new UserIdentifiedData(e.UserId, e.VisitorId, e.Verified, e.RoomId)),
        ChatEvent.OfflineMessageLeft e => OfRoom(WebhookEventTypes.OfflineMessageCreated, e.Room,
            new OfflineMessageCreatedData(WebhookRoom.From(e.Room), e.Contact.Name, e.Contact.Email, WebhookMessage.From(e.Message))),
        ChatEvent.CsatSubmitted e => OfRoom(WebhookEventTypes.CsatSubmitted, e.Room,
            new CsatSubmittedData(WebhookRoom.From(e.Room), e.Answer.Rating, e.Answer.Comment, e.Answer.SubmittedAt)),
        ChatEvent.HandedOver e => OfRoom(WebhookEventTypes.ChatAssigned, e.Room,
            new ChatAssignedData(WebhookRoom.From(e.Room), e.Room.Department!, e.Room.AgentId!, e.ToAgentName)),
        _ => null,
    };

    /// <summary>A room event carries the seq of the room's last message, so it sorts among the messages.</summary>
    private static WebhookEvent OfRoom(string type, Room room, object data) => new(type, room.RoomId, room.NextSeq - 1, data);
}
