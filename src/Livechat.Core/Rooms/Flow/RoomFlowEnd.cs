using System.Text.Json.Serialization;

namespace Livechat.Core.Rooms;

/// <summary>How a room orchestration's run ended; stored as the instance's output, by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoomFlowEnd>))]
public enum RoomFlowEnd
{
    /// <summary>The room ended: closed, logged out, the recipe's end, inactivity.</summary>
    Ended,

    /// <summary>The generation is over and the flow goes on in a new one (ContinueAsNew).</summary>
    Continued,

    /// <summary>The room went to agents: the bot has nothing more to do.</summary>
    Transferred,
}
