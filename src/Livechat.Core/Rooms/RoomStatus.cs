namespace Livechat.Core.Rooms;

/// <summary>Where a room is in its life. Serialized as lowercase text in the API.</summary>
public enum RoomStatus
{
    /// <summary>The recipe's bot is talking with the visitor.</summary>
    Open,
    /// <summary>Transferred by the recipe, waiting in a department's queue for an agent.</summary>
    Waiting,
    /// <summary>An agent has claimed the room.</summary>
    Agent,
    /// <summary>Over: closed by the visitor, the bot, an agent, logout or inactivity.</summary>
    Ended,
}
