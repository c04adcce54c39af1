namespace Livechat.Core.Csat;

public sealed record CsatRecorded(string RoomId, int Rating, string? Comment);
