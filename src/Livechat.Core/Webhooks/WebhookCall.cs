namespace Livechat.Core.Webhooks;

/// <summary>Input of <see cref="CallWebhookActivity"/>: which room's webhook block to run.</summary>
public sealed record WebhookCall(string RoomId, string BlockId, string Url, string RecipeId, int RecipeVersion);
