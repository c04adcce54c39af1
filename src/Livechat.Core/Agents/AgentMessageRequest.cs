namespace Livechat.Core.Agents;

/// <summary>An agent's message. <see cref="ClientMessageId"/> is reused on retry, so the message is stored once; <see cref="AttachmentId"/> names an uploaded file.</summary>
public sealed record AgentMessageRequest(string? ClientMessageId, string? Text, string? AttachmentId = null);
