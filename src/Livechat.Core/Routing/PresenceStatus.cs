namespace Livechat.Core.Routing;

/// <summary>An agent's presence, serialized as lowercase text: only online agents are given chats.</summary>
public enum PresenceStatus
{
    Online,
    Away,
    Offline,
}
