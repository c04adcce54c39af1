namespace Livechat.Core.Webhooks;

/// <summary>
/// What the receiver may answer (all optional): custom fields to set in either scope, and the id of the block the
/// flow continues at.
/// </summary>
public sealed record WebhookReply(WebhookReplyFields? Fields, string? Next);

public sealed record WebhookReplyFields(Dictionary<string, string>? User, Dictionary<string, string>? Room);
