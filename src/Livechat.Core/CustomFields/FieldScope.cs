namespace Livechat.Core.CustomFields;

/// <summary>Where a custom field lives: on the user (every room) or on one room. Lowercase in the API.</summary>
public enum FieldScope
{
    User,
    Room,
}
