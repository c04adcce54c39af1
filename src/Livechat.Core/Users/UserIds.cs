namespace Livechat.Core.Users;

/// <summary>
/// Rules for the customer's user ids: 1 to 128 printable ASCII characters other than '/', '\', '#' and '?',
/// which Table Storage forbids in keys. E-mail addresses and GUIDs fit.
/// </summary>
public static class UserIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? userId) =>
        !string.IsNullOrEmpty(userId) && userId.Length <= MaxLength && userId.Trim() == userId &&
        userId.All(c => c is > ' ' and < '\u007f' and not ('/' or '\\' or '#' or '?'));
}
