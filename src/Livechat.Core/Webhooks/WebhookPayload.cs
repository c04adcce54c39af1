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
    bool UserVerified,
    string? Department,
    UserParams UserParams,
    WebhookFields Fields,
    IReadOnlyList<string> PageAsserted,
    DateTimeOffset SentAt)
{
    /// <summary>
    /// The payload's facts only the visitor's page (or the visitor) vouches for: room facts ("userId",
    /// "department", "recipeId"), "userParams", and each custom field not set by a webhook's reply
    /// ("fields.user.plan", "fields.room.topic").
    /// </summary>
    public static IReadOnlyList<string> Asserted(Rooms.Room room, Recipes.FlowVariables known) =>
    [
        .. room.PageAsserted,
        .. known.UserParams != UserParams.Empty ? ["userParams"] : Array.Empty<string>(),
        .. known.UserFields.Keys.Where(k => !known.IsFromServer(CustomFields.FieldScope.User, k)).Order(StringComparer.Ordinal).Select(k => $"fields.user.{k}"),
        .. known.RoomFields.Keys.Where(k => !known.IsFromServer(CustomFields.FieldScope.Room, k)).Order(StringComparer.Ordinal).Select(k => $"fields.room.{k}"),
    ];
}

/// <summary>Both scopes of custom fields.</summary>
public sealed record WebhookFields(IReadOnlyDictionary<string, string> User, IReadOnlyDictionary<string, string> Room);
