using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Attachments;

/// <summary>
/// Puts a fresh read link on every attachment of the messages a client is about to see (a transcript, a message
/// event), since the container is private and stored messages hold no link.
/// </summary>
public sealed class AttachmentLinks(IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider time)
{
    public async Task<ChatMessage> SignAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (message.Attachment is not { } attachment) return message;
        var url = await store.CreateDownloadAsync(message.RoomId, attachment, time.GetUtcNow() + options.Value.DownloadLinkLifetime, cancellationToken);
        return message with { Attachment = attachment with { Url = url } };
    }

    public async Task<IReadOnlyList<ChatMessage>> SignAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (!messages.Any(m => m.Attachment is not null)) return messages;
        var signed = new List<ChatMessage>(messages.Count);
        foreach (var message in messages) signed.Add(await SignAsync(message, cancellationToken));
        return signed;
    }
}
