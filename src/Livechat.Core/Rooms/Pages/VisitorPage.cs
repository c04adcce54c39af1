namespace Livechat.Core.Rooms.Pages;

/// <summary>The page the visitor's widget last said it is on, in a room: the page's word only (agents see it as such).</summary>
public sealed record VisitorPage(string Url, string? Title, DateTimeOffset SeenAt);
