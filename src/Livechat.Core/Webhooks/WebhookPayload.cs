using Livechat.Core.Sessions;

namespace Livechat.Core.Webhooks;

/// <summary>The JSON body a webhook block POSTs to the customer's server.</summary>
public sealed record WebhookPayload(
    string RoomId,
    string BlockId,
    string RecipeId,
    int RecipeVersion,
    string VisitorId,
    string? UserId,
    string? Department,
    UserParams UserParams,
    WebhookFields Fields,
    DateTimeOffset SentAt);

/// <summary>Both scopes of custom fields.</summary>
public sealed record WebhookFields(IReadOnlyDictionary<string, string> User, IReadOnlyDictionary<string, string> Room);
