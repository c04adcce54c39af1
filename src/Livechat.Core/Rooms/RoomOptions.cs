using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Rooms;

/// <summary>Room settings of the deployment.</summary>
public sealed class RoomOptions
{
    /// <summary>A room whose visitor says nothing for this long is ended by its orchestration.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest message text a visitor may send, in characters.</summary>
    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Turns a room orchestration handles before it continues as new, bounding its history.</summary>
    [Range(1, 1000)]
    public int TurnsPerGeneration { get; set; } = 20;
}
