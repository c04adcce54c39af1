namespace Livechat.Core.Attachments;

/// <summary>
/// Checks that a file's first bytes are what its content type says, so a page cannot store, say, HTML or a script
/// under an image's type and have the chat link to it.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Matches"/> needs.</summary>
    public const int HeadLength = 512;

    private static readonly Dictionary<string, Func<ReadOnlyMemory<byte>, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["image/png"] = head => StartsWith(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["image/jpeg"] = head => StartsWith(head, [0xFF, 0xD8, 0xFF]),
        ["image/gif"] = head => StartsWith(head, "GIF87a"u8) || StartsWith(head, "GIF89a"u8),
        ["image/webp"] = head => StartsWith(head, "RIFF"u8) && head.Length >= 12 && head.Span[8..12].SequenceEqual("WEBP"u8),
        ["application/pdf"] = head => StartsWith(head, "%PDF-"u8),
        // Text has no signature: refuse what is plainly binary (a NUL byte) or markup a browser might run.
        ["text/plain"] = head => !head.Span.Contains((byte)0) && !LooksLikeMarkup(head.Span),
    };

    public static IEnumerable<string> KnownTypes => Checks.Keys;

    public static bool Knows(string contentType) => Checks.ContainsKey(contentType);

    public static bool Matches(string contentType, ReadOnlyMemory<byte> head) =>
        Checks.TryGetValue(contentType, out var check) && check(head);

    private static bool StartsWith(ReadOnlyMemory<byte> head, ReadOnlySpan<byte> signature) => head.Span.StartsWith(signature);

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        var start = head.TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
