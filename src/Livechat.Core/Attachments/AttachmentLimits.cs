using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Attachments;

/// <summary>The rules a file must meet: once when the client declares it, again when the uploaded bytes are checked.</summary>
public sealed class AttachmentLimits(IOptions<AttachmentOptions> options)
{
    public const int MaxNameLength = 200;

    public Outcome<DeclaredAttachment> Declare(string roomId, AttachmentRequest request)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            return Problem.Invalid("name", $"Required: the file's name, 1 to {MaxNameLength} characters.");
        // The name is shown and offered as the download's file name: no paths, no control characters, no quotes.
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\' or '"'))
            return Problem.Invalid("name", "A file name without '/', '\\', '\"' or control characters.");
        if (Normalize(request.ContentType) is not { } type)
            return Problem.Invalid("contentType", "Required: the file's media type, e.g. image/png.");
        var allowed = options.Value.AllowedTypes;
        if (!allowed.Contains(type))
            return Problem.Invalid("contentType", $"'{type}' is not accepted; send one of {string.Join(", ", allowed)}.");
        if (request.Size is not { } size || size < 1)
            return Problem.Invalid("size", "Required: the file's size in bytes, at least 1.");
        if (size > options.Value.MaxBytes)
            return Problem.TooLarge("size", $"At most {options.Value.MaxBytes} bytes.");
        return new DeclaredAttachment(roomId, Ids.New("a"), name, type, size);
    }

    /// <summary>The uploaded file is the one declared and still within the limits; otherwise a problem naming what differs.</summary>
    public Outcome<ChatAttachment> Check(StoredFile file)
    {
        var declared = file.Declared;
        if (!file.Uploaded) return Problem.Invalid("attachmentId", "No file was uploaded for this attachment.");
        if (file.Size > options.Value.MaxBytes)
            return Problem.TooLarge("size", $"The file is {file.Size} bytes; at most {options.Value.MaxBytes}.");
        if (file.Size != declared.Size)
            return Problem.Invalid("size", $"The file is {file.Size} bytes, not the {declared.Size} declared.");
        if (Normalize(file.ContentType) != declared.ContentType)
            return Problem.Invalid("contentType", $"The file was stored as '{file.ContentType}', not the '{declared.ContentType}' declared.");
        if (!options.Value.AllowedTypes.Contains(declared.ContentType) || !ContentSniffer.Matches(declared.ContentType, file.Head))
            return Problem.Invalid("contentType", $"The file's content is not {declared.ContentType}.");
        return new ChatAttachment(declared.AttachmentId, declared.Name, declared.ContentType, declared.Size);
    }

    /// <summary>The media type without parameters, lowercase (<c>text/plain; charset=utf-8</c> is <c>text/plain</c>).</summary>
    private static string? Normalize(string? contentType)
    {
        var type = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(type) || type.Length > 100 || !type.Contains('/') ? null : type;
    }
}
