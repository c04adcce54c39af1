using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.Tables;

/// <summary>
/// The app's tables. Sessions: PK session id. Rooms: PK room id, holding the room, its transcript and its
/// idempotency markers together so an append is one entity-group transaction. Recipes: PK recipe id, one row a version.
/// Users: PK user id. CustomFields: PK owner (u-user, v-visitor, r-room, s-session), RK field key.
/// AgentQueues: PK department, RK room id: the rooms waiting for an agent. IdleRoomClocks: when open rooms are next
/// looked at for inactivity. AgentTokens: PK agent id, RK token id: the agent tokens in force. Departments: PK
/// department id: the admin's departments, and which of them pages may choose. RateCounters: PK limit + window, RK
/// an address's pseudonym or "all": the shared counts of the abuse limits. Conversations: PK start day, RK start +
/// room id, both inverted: every room newest first, for the dashboard (see ConversationEntity).
/// AgentInvitations: PK SHA-256 of an invitation's
/// code: the one-time sign-in links. AgentActivity: PK agent id, RK "seen" or "room-{roomId}": when the agent's console
/// was last heard from and the rooms it claimed. Brands: PK site id: how the widget looks on each of the customer's sites.
/// WebhookSubscriptions: PK subscription id. WebhookEvents: PK UTC day, RK time-ordered event id: the chat events
/// webhooks deliver, once each. WebhookDeadLetters: PK subscription id, RK event id.
/// AuditLog: erasures and retention purges, newest first (see AuditLogEntity).
/// </summary>
public sealed class LivechatTables
{
    public const string SessionsName = "Sessions";
    public const string RoomsName = "Rooms";
    public const string RecipesName = "Recipes";
    public const string UsersName = "Users";
    public const string CustomFieldsName = "CustomFields";
    public const string AgentQueuesName = "AgentQueues";
    public const string IdleRoomClocksName = "IdleRoomClocks";
    public const string AgentTokensName = "AgentTokens";
    public const string DepartmentsName = "Departments";
    public const string RateCountersName = "RateCounters";
    public const string ConversationsName = "Conversations";
    public const string AgentInvitationsName = "AgentInvitations";
    public const string AgentActivityName = "AgentActivity";
    public const string BrandsName = "Brands";
    /// <summary>PK department id, RK shortcut: the departments' canned responses.</summary>
    public const string CannedResponsesName = "CannedResponses";
    public const string WebhookSubscriptionsName = "WebhookSubscriptions";
    public const string WebhookEventsName = "WebhookEvents";
    public const string WebhookDeadLettersName = "WebhookDeadLetters";
    public const string AuditLogName = "AuditLog";

    public LivechatTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        var prefix = options.Value.TablePrefix;
        Sessions = service.GetTableClient(prefix + SessionsName);
        Rooms = service.GetTableClient(prefix + RoomsName);
        Recipes = service.GetTableClient(prefix + RecipesName);
        Users = service.GetTableClient(prefix + UsersName);
        CustomFields = service.GetTableClient(prefix + CustomFieldsName);
        AgentQueues = service.GetTableClient(prefix + AgentQueuesName);
        IdleRoomClocks = service.GetTableClient(prefix + IdleRoomClocksName);
        AgentTokens = service.GetTableClient(prefix + AgentTokensName);
        Departments = service.GetTableClient(prefix + DepartmentsName);
        RateCounters = service.GetTableClient(prefix + RateCountersName);
        Conversations = service.GetTableClient(prefix + ConversationsName);
        AgentInvitations = service.GetTableClient(prefix + AgentInvitationsName);
        AgentActivity = service.GetTableClient(prefix + AgentActivityName);
        Brands = service.GetTableClient(prefix + BrandsName);
        CannedResponses = service.GetTableClient(prefix + CannedResponsesName);
        WebhookSubscriptions = service.GetTableClient(prefix + WebhookSubscriptionsName);
        WebhookEvents = service.GetTableClient(prefix + WebhookEventsName);
        WebhookDeadLetters = service.GetTableClient(prefix + WebhookDeadLettersName);
        AuditLog = service.GetTableClient(prefix + AuditLogName);
    }

    public TableClient Sessions { get; }
    public TableClient Rooms { get; }
    public TableClient Recipes { get; }
    public TableClient Users { get; }
    public TableClient CustomFields { get; }
    public TableClient AgentQueues { get; }
    public TableClient IdleRoomClocks { get; }
    public TableClient AgentTokens { get; }
    public TableClient Departments { get; }

    public TableClient RateCounters { get; }
    public TableClient AgentInvitations { get; }
    public TableClient AgentActivity { get; }
    public TableClient Conversations { get; }
    public TableClient Brands { get; }
    public TableClient CannedResponses { get; }
    public TableClient WebhookSubscriptions { get; }
    public TableClient WebhookEvents { get; }
    public TableClient WebhookDeadLetters { get; }
    public TableClient AuditLog { get; }

    public IEnumerable<TableClient> All => [Sessions, Rooms, Recipes, Users, CustomFields, AgentQueues, IdleRoomClocks, AgentTokens, Departments, RateCounters, Conversations, AgentInvitations, AgentActivity, Brands, CannedResponses, WebhookSubscriptions, WebhookEvents, WebhookDeadLetters, AuditLog];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All) await table.CreateIfNotExistsAsync(cancellationToken);
    }
}
