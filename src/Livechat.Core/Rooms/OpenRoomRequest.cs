namespace Livechat.Core.Rooms;

/// <summary>
/// openWidget's body: the language the widget resolved for the visitor (a BCP 47 tag), so the bot greets in it.
/// Sent with the room's opening, the one call every chat makes anyway: no extra request, and a later page in
/// another language gets its next chat in that language.
/// </summary>
public sealed record OpenRoomRequest(string? Language);
