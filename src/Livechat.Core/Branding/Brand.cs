namespace Livechat.Core.Branding;

/// <summary>
/// How the widget looks on one site of the customer's: what the snippet names with <c>widget.js?site=ID</c> (the
/// site <see cref="BrandAdminHandler.DefaultSite"/> when it names none). A field left null keeps the widget's own
/// look or text, so a brand only says what differs.
/// </summary>
/// <param name="AccentColor">The header, bubble and visitor bubbles' colour, <c>#rrggbb</c>, dark enough for white text.</param>
/// <param name="LauncherPosition"><c>right</c> or <c>left</c> (the physical side, whatever the language's direction).</param>
/// <param name="ReplyTime">The line under the title, e.g. "We usually reply within an hour".</param>
public sealed record Brand(
    string SiteId,
    string? Title,
    string? AccentColor,
    string? LauncherPosition,
    string? TeamName,
    string? AvatarUrl,
    string? ReplyTime,
    DateTimeOffset UpdatedAt);
