namespace Livechat.Core.CustomFields;

/// <summary>Custom field keys: 1 to 64 of A-Z, a-z, 0-9, '_', '-', '.': safe as Table Storage row keys and URL segments.</summary>
public static class FieldKeys
{
    public const int MaxLength = 64;

    public static bool IsValid(string? key) => Common.Ids.IsSafe(key, MaxLength);
}
