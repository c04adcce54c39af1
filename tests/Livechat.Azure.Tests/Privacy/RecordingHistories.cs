using Livechat.Core.Attachments;
using Livechat.Core.Privacy;

namespace Livechat.Azure.Tests.Privacy;

/// <summary>The histories' and files' ports as a log of calls, with what the tables held when each room was stopped.</summary>
public sealed class RecordingHistories(Func<string, bool> roomStored) : IRoomHistories, IAttachmentStore
{
    public List<string> Calls { get; } = [];

    public Task StopAsync(string roomId, CancellationToken cancellationToken)
    {
        // A stop must come while the room is still there: before the flow is stopped, nothing may be deleted.
        Calls.Add($"stop {roomId} {(roomStored(roomId) ? "stored" : "gone")}");
        return Task.CompletedTask;
    }

    public Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken)
    {
        Calls.Add($"purge {roomId}");
        return Task.FromResult(1);
    }

    public Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        Calls.Add($"files {roomId}");
        return Task.CompletedTask;
    }

    public Task<Uri> CreateUploadAsync(DeclaredAttachment declared, DateTimeOffset expiresAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<StoredFile?> InspectAsync(string roomId, string attachmentId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Uri> CreateDownloadAsync(string roomId, ChatAttachment attachment, DateTimeOffset expiresAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task DeleteAsync(string roomId, string attachmentId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
