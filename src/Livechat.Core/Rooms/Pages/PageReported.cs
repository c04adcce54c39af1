namespace Livechat.Core.Rooms.Pages;

/// <summary><paramref name="Throttled"/>: too soon after the room's last report and not stored; report again after <see cref="ReportPageHandler.Interval"/>.</summary>
public sealed record PageReported(bool Throttled);
