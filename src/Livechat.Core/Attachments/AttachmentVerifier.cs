using Livechat.Core.Common;

namespace Livechat.Core.Attachments;

/// <summary>
/// Before a message carries an attachment: the file is there, in the room the message goes to, and is what was
/// declared. A file that is not is deleted, so nothing refused stays in storage.
/// </summary>
public sealed class AttachmentVerifier(IAttachmentStore store, AttachmentLimits limits)
{
    public async Task<Outcome<ChatAttachment>> VerifyAsync(string roomId, string attachmentId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(attachmentId, 64)) return Problem.Invalid("attachmentId", "1 to 64 letters, digits, '-', '_' or '.'.");
        var file = await store.InspectAsync(roomId, attachmentId, cancellationToken);
        if (file is null) return Problem.Invalid("attachmentId", "No such attachment in this room: ask for an upload link first.");
        var checkedFile = limits.Check(file);
        if (!checkedFile.IsSuccess && file.Uploaded) await store.DeleteAsync(roomId, attachmentId, cancellationToken);
        return checkedFile;
    }
}
