using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Attachments;

/// <summary>What visitors and agents may attach to a message, and how long the links to storage live.</summary>
public sealed class AttachmentOptions : IValidatableObject
{
    /// <summary>The content types accepted, comma-separated; each must be one <see cref="ContentSniffer"/> knows.</summary>
    public string AllowedContentTypes { get; set; } = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain";

    /// <summary>The largest file, in bytes (10 MiB by default).</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long an upload link lets the client write its one file.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a download link in a transcript or a message event works. Clients read the transcript again after a
    /// reconnect or a wake, which issues fresh links.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlySet<string> AllowedTypes =>
        AllowedContentTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AllowedTypes.Count == 0)
            yield return new ValidationResult("Name at least one content type.", [nameof(AllowedContentTypes)]);
        foreach (var type in AllowedTypes.Where(t => !ContentSniffer.Knows(t)))
            yield return new ValidationResult(
                $"'{type}' is not a type whose content the server can check; known: {string.Join(", ", ContentSniffer.KnownTypes)}.",
                [nameof(AllowedContentTypes)]);
    }
}
