using System.Globalization;
using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Notes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Core.Conversations;

/// <summary>
/// The dashboard's conversations: a list newest first from the index, filtered, paged by continuation token, and
/// one room with its transcript. Each row shown is checked against its room (status, agent, message count), so a
/// lagging index row never shows a wrong status; text search reads transcripts, at most
/// <see cref="MaxTranscriptsPerPage"/> a page.
/// </summary>
public sealed class ConversationsHandler(IConversationIndex index, IRoomStore rooms, IUserStore users, ISessionStore sessions, ICustomFieldStore fields,
    INoteStore? notes = null, AttachmentLinks? links = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    /// <summary>Transcripts one page of a text search reads at most; past that it answers what it found and a token.</summary>
    public const int MaxTranscriptsPerPage = 100;
    /// <summary>Messages of a transcript a text search looks at (its first).</summary>
    public const int SearchedMessages = ReadTranscriptHandler.PageSize;
    /// <summary>Messages the detail shows at most.</summary>
    public const int MaxTranscript = 5_000;

    public async Task<Outcome<ConversationPage>> ListAsync(ConversationQuery query, IReadOnlySet<string>? departments, CancellationToken cancellationToken)
    {
        var parsed = ConversationFilter.Parse(query);
        if (!parsed.IsSuccess) return parsed.Problem!;
        var filter = parsed.Value! with { Departments = departments };
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(query.PageSize)
            && (!int.TryParse(query.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
            return Problem.Invalid("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        ConversationPosition? after = null;
        if (!string.IsNullOrEmpty(query.ContinuationToken) && (after = ConversationPosition.FromToken(query.ContinuationToken)) is null)
            return Problem.Invalid("continuationToken", "Not a token this API gave out; start again without it.");

        var shown = new List<(Room Room, ConversationEntry Entry)>();
        var last = after;
        var more = false;
        var searched = 0;
        await foreach (var entry in index.ScanAsync(filter, after, cancellationToken))
        {
            // The store's order is the contract; a row out of it would loop a client forever.
            if (after is not null && !after.IsBefore(entry)) continue;
            if (!filter.Matches(entry))
            {
                last = new ConversationPosition(entry.StartedAt, entry.RoomId);
                continue;
            }
            if (shown.Count == pageSize || (filter.Text is not null && searched == MaxTranscriptsPerPage))
            {
                more = true;
                break;
            }
            last = new ConversationPosition(entry.StartedAt, entry.RoomId);
            var room = await rooms.GetAsync(entry.RoomId, cancellationToken);
            if (room is null || !filter.Matches(room)) continue;
            if (filter.Text is not null)
            {
                searched++;
                var messages = await rooms.ReadMessagesAsync(room.RoomId, 0, SearchedMessages, cancellationToken);
                if (!messages.Any(m => m.Text.Contains(filter.Text, StringComparison.OrdinalIgnoreCase))) continue;
            }
            shown.Add((room, entry));
        }

        var rows = await Task.WhenAll(shown.Select(s => SummaryAsync(s.Room, cancellationToken)));
        return new ConversationPage(rows, more ? last!.ToToken() : null);
    }

    public async Task<Outcome<ConversationDetail>> GetAsync(string roomId, IReadOnlySet<string>? departments, CancellationToken cancellationToken)
    {
        var room = Ids.IsSafe(roomId) ? await rooms.GetAsync(roomId, cancellationToken) : null;
        if (room is null || (departments is not null && (room.Department is null || !departments.Contains(room.Department))))
            return Problem.NotFound("Room", "roomId");

        var messages = new List<ChatMessage>();
        var truncated = false;
        while (true)
        {
            var page = await rooms.ReadMessagesAsync(roomId, messages.Count == 0 ? 0 : messages[^1].Seq, ReadTranscriptHandler.PageSize, cancellationToken);
            messages.AddRange(page);
            if (page.Count < ReadTranscriptHandler.PageSize) break;
            if (messages.Count >= MaxTranscript)
            {
                truncated = true;
                break;
            }
        }
        var userOwner = room.UserId is null ? FieldOwner.Visitor(room.VisitorId) : FieldOwner.User(room.UserId);
        var paramsTask = ParamsAsync(room, cancellationToken);
        var userFields = fields.ListAsync(userOwner, cancellationToken);
        var roomFields = fields.ListAsync(FieldOwner.Room(roomId), cancellationToken);
        var roomNotes = notes is null ? Task.FromResult<IReadOnlyList<RoomNote>>([]) : notes.ListAsync(roomId, AddNoteHandler.MaxNotesPerRoom, cancellationToken);
        return new ConversationDetail
        {
            RoomId = room.RoomId,
            Status = room.Status,
            Department = room.Department,
            AgentId = room.AgentId,
            UserId = room.UserId,
            UserVerified = room.UserVerified,
            PageAsserted = room.PageAsserted,
            VisitorId = room.VisitorId,
            RecipeId = room.RecipeId,
            RecipeVersion = room.RecipeVersion,
            Params = await paramsTask,
            UserFields = (await userFields).OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            RoomFields = (await roomFields).OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            StartedAt = room.CreatedAt,
            EndedAt = room.EndedAt,
            EndReason = room.EndReason,
            // The container is private: an attachment shows through a fresh short-lived read link, as in the console.
            Messages = links is null ? Shown(messages) : await links.SignAsync(Shown(messages), cancellationToken),
            Truncated = truncated,
            Notes = await roomNotes,
            Offline = room.Offline,
            Contact = room.Contact,
            Csat = room.Csat,
        };
    }

    private static List<ChatMessage> Shown(List<ChatMessage> messages) => messages.Count > MaxTranscript ? messages.Take(MaxTranscript).ToList() : messages;

    private async Task<ConversationSummary> SummaryAsync(Room room, CancellationToken cancellationToken)
    {
        var count = room.NextSeq - 1;
        var lastMessage = count == 0 ? null : (await rooms.ReadMessagesAsync(room.RoomId, count - 1, 1, cancellationToken)).FirstOrDefault();
        var name = (await ParamsAsync(room, cancellationToken)).Name;
        return new ConversationSummary(room.RoomId, room.Status, room.Department, room.UserId, name, room.CreatedAt, room.EndedAt, room.AgentId,
            count, lastMessage is null ? null : MessagePreview.Of(lastMessage)) { Offline = room.Offline, Contact = room.Contact, Csat = room.Csat };
    }

    /// <summary>What the page told us about the visitor (setUserParams): on the user once there is one, else on the session.</summary>
    private Task<UserParams> ParamsAsync(Room room, CancellationToken cancellationToken) => VisitorParams.ReadAsync(users, sessions, room, cancellationToken);
}
