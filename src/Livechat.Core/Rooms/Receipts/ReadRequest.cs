namespace Livechat.Core.Rooms.Receipts;

/// <summary>"I have seen every message up to <paramref name="Seq"/>" (a transcript sequence number).</summary>
public sealed record ReadRequest(long? Seq);
