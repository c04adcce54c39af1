namespace Livechat.Core.Rooms.Pages;

/// <summary>Body of the widget's page report: the page's address and title.</summary>
public sealed record PageRequest(string? Url, string? Title);
