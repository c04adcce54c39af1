namespace Livechat.Core.Recipes;

/// <summary>
/// What a webhook block's call came to: success (with fields the receiver set and the block it chose), or
/// failure after retries, which follows the block's failure path.
/// </summary>
public sealed record WebhookOutcome(bool Succeeded, IReadOnlyList<FlowSave>? Saves = null, string? Next = null, string? Error = null);
