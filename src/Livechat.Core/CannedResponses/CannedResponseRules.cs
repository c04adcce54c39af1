using System.Text.RegularExpressions;
using Livechat.Core.Common;

namespace Livechat.Core.CannedResponses;

/// <summary>What a canned response may be: the rules the admin API checks before anything is written.</summary>
public static partial class CannedResponseRules
{
    public const int MaxShortcutLength = 32;
    /// <summary>A department's responses at most: the console loads them all when a chat opens.</summary>
    public const int MaxPerDepartment = 200;

    /// <summary>Lowercase so that <c>/Refund</c> and <c>/refund</c> cannot be two responses; no '/' or spaces, so it reads as one word after the slash.</summary>
    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortcutPattern();

    public static Problem? CheckShortcut(string? shortcut) =>
        shortcut is null || !ShortcutPattern().IsMatch(shortcut)
            ? Problem.Invalid("shortcut", $"1 to {MaxShortcutLength} lowercase letters, digits or '-'.")
            : null;

    /// <summary>The same limit as an agent's message: an expanded response must be sendable as it is.</summary>
    public static Problem? CheckText(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? Problem.Invalid("text", "Required: a non-empty text.")
        : text.Length > maxLength ? Problem.Invalid("text", $"At most {maxLength} characters.")
        : text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? Problem.Invalid("text", "No control characters other than line breaks and tabs.")
        : null;
}
