namespace Livechat.Core.CustomFields;

/// <summary>A key/value the page stored with setCustomField.</summary>
public sealed record CustomField(string Key, string Value, DateTimeOffset UpdatedAt);
