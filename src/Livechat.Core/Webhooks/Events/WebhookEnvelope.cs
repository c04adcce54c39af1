namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The JSON body of every delivery. <see cref="Id"/> is stable across retries, resends and replays (deduplicate on
/// it) and sorts by time, so it is also the cursor of a replay.
/// </summary>
public sealed record WebhookEnvelope(string Id, string Type, DateTimeOffset CreatedAt, string? RoomId, long? Seq, object Data);
