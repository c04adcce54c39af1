namespace Livechat.Core.CustomFields;

/// <summary>A key/value stored with setCustomField, by a recipe's ask, or from a webhook's reply.</summary>
public sealed record CustomField(string Key, string Value, DateTimeOffset UpdatedAt)
{
    /// <summary>Who said it; the page unless a recipe stored it.</summary>
    public FieldSource Source { get; init; } = FieldSource.Page;
}

/// <summary>Who vouches for a custom field's value.</summary>
public enum FieldSource
{
    /// <summary>The visitor's page (setCustomField): anyone holding the page could have set it.</summary>
    Page,

    /// <summary>The visitor, answering a recipe's question in the chat.</summary>
    Visitor,

    /// <summary>The customer's server, in a webhook block's reply.</summary>
    Server,
}
