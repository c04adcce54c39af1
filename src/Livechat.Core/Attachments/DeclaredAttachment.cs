namespace Livechat.Core.Attachments;

/// <summary>A file the server agreed to take: the room it belongs to and what the client declared, as checked.</summary>
public sealed record DeclaredAttachment(string RoomId, string AttachmentId, string Name, string ContentType, long Size);
