using Livechat.Core.Common;
using Livechat.Core.Notes;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Agents;

/// <summary>
/// The agent who holds a room hands it to another agent or to a department, with an optional note for the agents.
/// The note is written first, while the caller still holds the room, through the notes feature (so it never reaches
/// the visitor); then the room moves. To an agent: the room stays with an agent, the new one joins its group and the
/// visitor reads "… joined the chat". To a department: the room leaves the agent and goes through
/// <see cref="RoomTransfer"/> (its queue, or the offline form when nobody can answer).
/// </summary>
public sealed partial class AgentTransferHandler(
    IRoomStore rooms,
    IAgentTokenStore tokens,
    IAgentActivityStore activity,
    IRealtimePublisher realtime,
    AddNoteHandler notes,
    RoomTransfer transfer,
    ChatEventPublisher events,
    Microsoft.Extensions.Options.IOptions<RoomOptions> options,
    TimeProvider time,
    ILogger<AgentTransferHandler> logger,
    Routing.RoomRouting? routing = null)
{
    public async Task<Outcome<AgentTransferred>> HandleAsync(AgentIdentity agent, string roomId, AgentTransferRequest request, CancellationToken cancellationToken)
    {
        var department = string.IsNullOrEmpty(request.Department) ? null : request.Department;
        var targetId = string.IsNullOrEmpty(request.AgentId) ? null : request.AgentId;
        if (department is null && targetId is null) return Problem.Invalid("department", "Required: a department, an agentId, or both.");
        if (department is not null && !Ids.IsSafe(department, 64)) return Problem.Invalid("department", "1 to 64 letters, digits, '-', '_' or '.'.");
        if (targetId is not null && !Ids.IsSafe(targetId, 64)) return Problem.Invalid("agentId", "1 to 64 letters, digits, '-', '_' or '.'.");
        if (targetId == agent.AgentId) return Problem.Invalid("agentId", "The room is already yours.");
        var noteText = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (noteText is not null && noteText.Length > options.Value.MaxMessageLength)
            return Problem.Invalid("note", $"At most {options.Value.MaxMessageLength} characters.");

        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if (room.Status != RoomStatus.Agent || room.AgentId != agent.AgentId) return AgentRoomAccess.NotYours();
        var toDepartment = department ?? room.Department!;

        AgentIdentity? target = null;
        if (targetId is not null)
        {
            target = await TargetAsync(targetId, cancellationToken);
            if (target is null) return Problem.Invalid("agentId", "No agent with a token in force has this id.");
            if (!target.Serves(toDepartment)) return Problem.Invalid("agentId", $"The agent does not serve department '{toDepartment}'.");
        }

        string? noteId = null;
        if (noteText is not null)
        {
            var note = await notes.HandleAsync(agent, roomId, new NoteRequest(Ids.New("tn"), noteText), cancellationToken);
            if (!note.IsSuccess) return note.Problem!;
            noteId = note.Value!.Id;
        }
        return target is null
            ? await ToDepartmentAsync(agent, room, toDepartment, noteId, cancellationToken)
            : await ToAgentAsync(agent, room, target, toDepartment, noteId, cancellationToken);
    }

    private async Task<Outcome<AgentTransferred>> ToAgentAsync(AgentIdentity from, Room room, AgentIdentity to, string department, string? noteId, CancellationToken cancellationToken)
    {
        var moved = await OptimisticConcurrency.RunAsync<Room>("room", async attempt =>
        {
            var current = attempt == 0 ? room : await rooms.GetAsync(room.RoomId, cancellationToken);
            if (current is null) return Problem.NotFound("Room", "roomId");
            if (current.Status != RoomStatus.Agent || current.AgentId != from.AgentId) return AgentRoomAccess.NotYours();
            if (await rooms.TryReplaceAsync(current with { AgentId = to.AgentId, Department = department }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!moved.IsSuccess) return moved.Problem!;
        var group = RealtimeGroups.Room(room.RoomId);
        await realtime.AddUserToGroupAsync(to.RealtimeUserId, group, to.ExpiresAt - time.GetUtcNow(), cancellationToken);
        await realtime.RemoveUserFromGroupAsync(from.RealtimeUserId, group, cancellationToken);
        await activity.AddHeldRoomAsync(to.AgentId, room.RoomId, cancellationToken);
        await activity.RemoveHeldRoomAsync(from.AgentId, room.RoomId, cancellationToken);

        var announced = await AgentJoining.AnnounceAsync(rooms, events, time, moved.Value!, to, $"agent-joined-{to.AgentId}-{moved.Value!.NextSeq}", cancellationToken);
        if (!announced.IsSuccess) return announced.Problem!;
        var joined = announced.Value!;
        await events.PublishAsync(new ChatEvent.HandedOver(joined, from.Name, to.Name), cancellationToken);
        if (routing is not null) await routing.ReleasedAsync(from.AgentId, room.RoomId, to.AgentId, cancellationToken);
        LogHandedOver(room.RoomId, from.AgentId, to.AgentId);
        return new AgentTransferred(room.RoomId, department, RoomStatus.Agent, to.AgentId, noteId);
    }

    private async Task<Outcome<AgentTransferred>> ToDepartmentAsync(AgentIdentity from, Room room, string department, string? noteId, CancellationToken cancellationToken)
    {
        // Out of the agent's hands first: RoomTransfer queues only a room no agent has.
        var released = await OptimisticConcurrency.RunAsync<Room>("room", async attempt =>
        {
            var current = attempt == 0 ? room : await rooms.GetAsync(room.RoomId, cancellationToken);
            if (current is null) return Problem.NotFound("Room", "roomId");
            if (current.Status != RoomStatus.Agent || current.AgentId != from.AgentId) return AgentRoomAccess.NotYours();
            if (await rooms.TryReplaceAsync(current with { Status = RoomStatus.Open, AgentId = null }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!released.IsSuccess) return released.Problem!;
        await realtime.RemoveUserFromGroupAsync(from.RealtimeUserId, RealtimeGroups.Room(room.RoomId), cancellationToken);
        await activity.RemoveHeldRoomAsync(from.AgentId, room.RoomId, cancellationToken);
        var queued = await transfer.TransferAsync(room.RoomId, department, cancellationToken);
        if (routing is not null) await routing.ReleasedAsync(from.AgentId, room.RoomId, null, cancellationToken);
        if (!queued.IsSuccess) return queued.Problem!;
        LogToDepartment(room.RoomId, from.AgentId, department);
        return new AgentTransferred(room.RoomId, department, queued.Value!.Status, null, noteId, queued.Value.Offline);
    }

    /// <summary>The target as their tokens in force name them: every department of any of them, and the latest expiry.</summary>
    private async Task<AgentIdentity?> TargetAsync(string agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inForce = (await tokens.ListAsync(agentId, cancellationToken)).Where(t => t.ExpiresAt > now).ToList();
        if (inForce.Count == 0) return null;
        var departments = inForce.SelectMany(t => t.Departments).Distinct(StringComparer.Ordinal).ToList();
        return new AgentIdentity(agentId, inForce[^1].Name, departments, inForce.Max(t => t.ExpiresAt));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} handed by agent {FromAgentId} to agent {ToAgentId}")]
    private partial void LogHandedOver(string roomId, string fromAgentId, string toAgentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} handed by agent {FromAgentId} to department {Department}")]
    private partial void LogToDepartment(string roomId, string fromAgentId, string department);
}
