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

    public static FlowVariables Empty { get; } = new();

    /// <summary>A user param by name, else a custom field (room scope first).</summary>
    public string? Get(string key) => key switch
    {
        AskKinds.Name => UserParams.Name,
        AskKinds.Email => UserParams.Email,
        AskKinds.Phone => UserParams.Phone,
        _ => RoomFields.TryGetValue(key, out var room) ? room : UserFields.TryGetValue(key, out var user) ? user : null,
    };

    public FlowVariables With(FlowSave save) => save.Target switch
    {
        AskKinds.Name => this with { UserParams = UserParams with { Name = save.Value } },
        AskKinds.Email => this with { UserParams = UserParams with { Email = save.Value } },
        AskKinds.Phone => this with { UserParams = UserParams with { Phone = save.Value } },
        _ when save.Scope == FieldScope.User => this with { UserFields = new Dictionary<string, string>(UserFields) { [save.Target] = save.Value } },
        _ => this with { RoomFields = new Dictionary<string, string>(RoomFields) { [save.Target] = save.Value } },
    };
}

/// <summary>A value the flow learned and the turn's activity must store: a user param, or a custom field.</summary>
/// <param name="Target">name, email, phone, or a custom field key.</param>
public sealed record FlowSave(string Target, string Value, FieldScope Scope = FieldScope.Room)
{
    public bool IsUserParam => Target is AskKinds.Name or AskKinds.Email or AskKinds.Phone;
}
