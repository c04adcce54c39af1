using Livechat.Core.Common;

namespace Livechat.Core.Rooms;

/// <summary>Whether an append stored its messages, and why not when it did not.</summary>
public enum AppendStatus
{
    /// <summary>Stored now, or found stored by an earlier attempt with the same idempotency keys (duplicates).</summary>
    Appended,
    /// <summary>There is no such room (never was, or it was purged).</summary>
    NoSuchRoom,
    /// <summary>The room has ended: its transcript takes no more messages.</summary>
    RoomEnded,
}

/// <summary>What an append did: its messages in order when <see cref="Status"/> is Appended, none otherwise.</summary>
public sealed record AppendOutcome(AppendStatus Status, IReadOnlyList<AppendResult> Messages)
{
    public static AppendOutcome NoSuchRoom { get; } = new(AppendStatus.NoSuchRoom, []);

    public static AppendOutcome RoomEnded { get; } = new(AppendStatus.RoomEnded, []);

    public static AppendOutcome Of(params IReadOnlyList<AppendResult> messages) => new(AppendStatus.Appended, messages);

    /// <summary>What a client whose append stored nothing is told: the room is gone (404) or has ended (409).</summary>
    public Problem Refusal(string? endedDetail = null) => Status switch
    {
        AppendStatus.NoSuchRoom => Problem.NotFound("Room", "roomId"),
        AppendStatus.RoomEnded => Problem.Conflict("The room has ended.", endedDetail),
        _ => throw new InvalidOperationException("The append stored its messages."),
    };

    /// <summary>The one message of a single append.</summary>
    public AppendResult Result =>
        Status == AppendStatus.Appended ? Messages[0] : throw new InvalidOperationException($"Nothing was appended: {Status}.");
}
