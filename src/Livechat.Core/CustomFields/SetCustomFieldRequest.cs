namespace Livechat.Core.CustomFields;

/// <summary>setCustomField(key, value, {scope}); the scope defaults to <c>user</c>.</summary>
public sealed record SetCustomFieldRequest(string? Value, FieldScope? Scope);
