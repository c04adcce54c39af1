namespace Livechat.Core.Notes;

/// <summary>An agent's note. <see cref="ClientNoteId"/> is reused on retry, so the note is stored once.</summary>
public sealed record NoteRequest(string? ClientNoteId, string? Text);
