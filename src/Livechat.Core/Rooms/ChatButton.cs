namespace Livechat.Core.Rooms;

/// <summary>A quick-reply button shown under a bot message.</summary>
public sealed record ChatButton(string Id, string Label);
