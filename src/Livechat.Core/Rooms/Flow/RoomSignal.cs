namespace Livechat.Core.Rooms;

/// <summary>
/// The one external event a room orchestration waits for. <see cref="Input"/> carries the visitor message that
/// triggered it so the usual turn needs no read; the transcript stays the source of truth.
/// </summary>
public sealed record RoomSignal(RoomSignalKind Kind, VisitorInput? Input = null, string? Reason = null)
{
    public const string EventName = "RoomSignal";

    public static RoomSignal Visitor(VisitorInput input) => new(RoomSignalKind.VisitorMessage, input);

    public static RoomSignal End(string reason) => new(RoomSignalKind.End, Reason: reason);
}

public enum RoomSignalKind
{
    VisitorMessage,
    End,
}
