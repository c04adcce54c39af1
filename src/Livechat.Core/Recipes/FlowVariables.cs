using Livechat.Core.CustomFields;
using Livechat.Core.Sessions;

namespace Livechat.Core.Recipes;

/// <summary>
/// What the recipe knows about the visitor: user params and both scopes of custom fields. Loaded when the room
/// starts, kept in the orchestration's state and updated as asks and webhooks store values.
/// </summary>
public sealed record FlowVariables
{
    public UserParams UserParams { get; init; } = UserParams.Empty;
    public IReadOnlyDictionary<string, string> UserFields { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> RoomFields { get; init; } = new Dictionary<string, string>();
    public string? Department { get; init; }

    /// <summary>Whether the customer's server vouched for the room's user id.</summary>
    public bool UserVerified { get; init; }

    /// <summary>
    /// The custom fields the customer's server set (a webhook's reply), as "user.key" and "room.key". A list, not a
    /// set: it travels in the orchestration's state, and System.Text.Json reads no IReadOnlySet.
    /// </summary>
    public IReadOnlyList<string> ServerFields { get; init; } = [];

    /// <summary>The visitor's language (a BCP 47 tag the widget sent when the room opened): picks recipe text variants.</summary>
    public string? Language { get; init; }

    public static FlowVariables Empty { get; } = new();

    /// <summary>Reads as "true" or "false": whether the user id is verified.</summary>
    public const string UserVerifiedKey = "user.verified";

    /// <summary>Prefix of a custom field read only when the customer's server set it ("server.plan").</summary>
    public const string ServerPrefix = "server.";

    /// <summary>
    /// A user param by name, else a custom field (room scope first). <see cref="UserVerifiedKey"/> and
    /// <see cref="ServerPrefix"/> let a condition trust only what the customer's server vouched for.
    /// </summary>
    public string? Get(string key) => key switch
    {
        AskKinds.Name => UserParams.Name,
        AskKinds.Email => UserParams.Email,
        AskKinds.Phone => UserParams.Phone,
        UserVerifiedKey => UserVerified ? "true" : "false",
        _ when key.StartsWith(ServerPrefix, StringComparison.Ordinal) => GetFromServer(key[ServerPrefix.Length..]),
        _ => RoomFields.TryGetValue(key, out var room) ? room : UserFields.TryGetValue(key, out var user) ? user : null,
    };

    private string? GetFromServer(string key) =>
        RoomFields.TryGetValue(key, out var room) ? (IsFromServer(FieldScope.Room, key) ? room : null)
        : UserFields.TryGetValue(key, out var user) && IsFromServer(FieldScope.User, key) ? user : null;

    /// <summary>Whether the customer's server set the custom field (a webhook's reply) rather than the page or the visitor.</summary>
    public bool IsFromServer(FieldScope scope, string key) => ServerFields.Contains(ServerKey(scope, key));

    public static string ServerKey(FieldScope scope, string key) => scope == FieldScope.User ? $"user.{key}" : $"room.{key}";

    public FlowVariables With(FlowSave save)
    {
        var next = save.Target switch
        {
            AskKinds.Name => this with { UserParams = UserParams with { Name = save.Value } },
            AskKinds.Email => this with { UserParams = UserParams with { Email = save.Value } },
            AskKinds.Phone => this with { UserParams = UserParams with { Phone = save.Value } },
            _ when save.Scope == FieldScope.User => this with { UserFields = new Dictionary<string, string>(UserFields) { [save.Target] = save.Value } },
            _ => this with { RoomFields = new Dictionary<string, string>(RoomFields) { [save.Target] = save.Value } },
        };
        if (save.IsUserParam) return next;
        var key = ServerKey(save.Scope, save.Target);
        var serverFields = ServerFields.Where(k => k != key);
        return next with { ServerFields = save.Source == FieldSource.Server ? [.. serverFields, key] : [.. serverFields] };
    }
}

/// <summary>A value the flow learned and the turn's activity must store: a user param, or a custom field.</summary>
/// <param name="Target">name, email, phone, or a custom field key.</param>
public sealed record FlowSave(string Target, string Value, FieldScope Scope = FieldScope.Room)
{
    /// <summary>An ask's answer comes from the visitor; a webhook reply's values from the customer's server.</summary>
    public FieldSource Source { get; init; } = FieldSource.Visitor;

    public bool IsUserParam => Target is AskKinds.Name or AskKinds.Email or AskKinds.Phone;
}
