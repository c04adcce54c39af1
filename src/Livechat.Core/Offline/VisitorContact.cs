namespace Livechat.Core.Offline;

/// <summary>How the visitor asked to be answered (the offline form): kept on the room, so the room's export and erasure cover it.</summary>
public sealed record VisitorContact(string Name, string Email);
