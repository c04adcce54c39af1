namespace Livechat.Core.Notes;

/// <summary>A room's internal notes, apart from its transcript (see docs/decisions/0009-notes-beside-the-transcript.md).</summary>
public interface INoteStore
{
    /// <summary>
    /// Stores the note once per agent and <see cref="RoomNote.ClientNoteId"/>; a retry gets the note stored first,
    /// with <c>Created</c> false.
    /// </summary>
    Task<(RoomNote Note, bool Created)> AddAsync(RoomNote note, CancellationToken cancellationToken);

    /// <summary>The room's notes in the order they were written, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RoomNote>> ListAsync(string roomId, int max, CancellationToken cancellationToken);
}
