namespace Livechat.Core.Rooms;

/// <summary>A visitor's reply as the orchestration sees it: its transcript sequence number and content.</summary>
public sealed record VisitorInput(long Seq, string? Text, string? ButtonId);
