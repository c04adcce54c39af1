using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Livechat.Azure.Blobs;
using Livechat.Core.Attachments;
using Livechat.Azure.Tables;
using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Departments;
using Livechat.Core.Limits;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Livechat.Core.Webhooks;
using Livechat.Core.Webhooks.Events;
using Livechat.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Livechat.Azure;

/// <summary>Registers the core handlers, their options and the Table Storage stores: the same in both hosts.</summary>
public static class LivechatServiceCollectionExtensions
{
    public static IServiceCollection AddLivechat(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddValidatedOptions<SessionOptions>(services, configuration, "Sessions");
        AddValidatedOptions<RoomOptions>(services, configuration, "Rooms");
        AddValidatedOptions<RecipeOptions>(services, configuration, "Recipes");
        AddValidatedOptions<StorageOptions>(services, configuration, "Storage");
        AddValidatedOptions<CustomFieldOptions>(services, configuration, "CustomFields");
        AddValidatedOptions<IdentityOptions>(services, configuration, "Identity");
        AddValidatedOptions<AdminOptions>(services, configuration, "Admin");

        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.ConnectionString is { Length: > 0 } connectionString
                ? new TableServiceClient(connectionString)
                : new TableServiceClient(storage.TableServiceUri, storage.ManagedIdentity());
        });
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.ConnectionString is { Length: > 0 } connectionString
                ? new BlobServiceClient(connectionString)
                : new BlobServiceClient(storage.BlobServiceUri, storage.ManagedIdentity());
        });
        services.AddSingleton<AttachmentContainer>();
        services.AddSingleton<BlobLinkSigner>();
        services.AddSingleton<IAttachmentStore, BlobAttachmentStore>();
        services.AddHostedService<AttachmentContainerStartup>();
        AddValidatedOptions<AttachmentOptions>(services, configuration, "Attachments");
        services.AddSingleton<AttachmentLimits>();
        services.AddSingleton<AttachmentVerifier>();
        services.AddSingleton<AttachmentLinks>();
        services.AddSingleton<AttachmentUploadHandler>();
        services.AddSingleton<LivechatTables>();
        services.AddSingleton<ISessionStore, TableSessionStore>();
        services.AddSingleton<TableRoomStore>();
        services.AddSingleton<IConversationIndex, TableConversationIndex>();
        // Every room write goes through the index's keeper (Core), so no handler has to remember the index.
        services.AddSingleton<IRoomStore>(sp => ActivatorUtilities.CreateInstance<IndexedRoomStore>(sp, sp.GetRequiredService<TableRoomStore>()));
        services.AddSingleton<IRecipeStore, TableRecipeStore>();
        services.AddSingleton<IUserStore, TableUserStore>();
        services.AddSingleton<ICustomFieldStore, TableCustomFieldStore>();
        services.AddSingleton<IAgentQueue, TableAgentQueue>();
        services.AddSingleton<IIdleRoomClocks, TableIdleRoomClocks>();
        services.AddSingleton<IAgentTokenStore, TableAgentTokenStore>();
        services.AddSingleton<IDepartmentStore, TableDepartmentStore>();
        services.AddSingleton<IRateCounterStore, TableRateCounterStore>();
        services.AddSingleton<IAgentInvitationStore, TableAgentInvitationStore>();
        services.AddSingleton<IAgentActivityStore, TableAgentActivityStore>();
        services.AddSingleton<Livechat.Core.Branding.IBrandStore, TableBrandStore>();
        services.AddSingleton<Livechat.Core.Rooms.Receipts.IReadReceiptStore, TableReadReceiptStore>();
        services.AddSingleton<Livechat.Core.Notes.INoteStore, TableNoteStore>();
        services.AddSingleton<Livechat.Core.Rooms.Pages.IVisitorPageStore, TableVisitorPageStore>();
        services.AddSingleton<Livechat.Core.CannedResponses.ICannedResponseStore, TableCannedResponseStore>();
        services.AddHostedService<LivechatStartup>();

        services.AddSingleton<SessionTokenService>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddSingleton<CreateSessionHandler>();
        services.AddSingleton<OpenRoomHandler>();
        services.AddSingleton<RoomGreeting>();
        services.AddSingleton<RoomSnapshots>();
        services.AddSingleton<PostMessageHandler>();
        services.AddSingleton<CloseRoomHandler>();
        services.AddSingleton<ReadTranscriptHandler>();
        services.AddSingleton<TypingHandler>();
        services.AddSingleton<Livechat.Core.Rooms.Receipts.ReadReceiptHandler>();
        services.AddSingleton<Livechat.Core.Notes.AddNoteHandler>();
        services.AddSingleton<Livechat.Core.Rooms.Pages.ReportPageHandler>();
        services.AddSingleton<Livechat.Core.CannedResponses.CannedResponsesHandler>();
        services.AddSingleton<VisitorProfileHandler>();
        services.AddSingleton<RoomCloser>();
        services.AddSingleton<Livechat.Core.Realtime.ChatEventPublisher>();
        services.AddSingleton<IdleRooms>();
        AddValidatedOptions<LimitOptions>(services, configuration, "Limits");
        services.AddSingleton<SessionRateLimiter>();
        services.AddSingleton<SharedCounters>();
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<RecipeAdminHandler>();
        services.AddSingleton<RecipeDraftHandler>();
        services.AddSingleton<RecipePreviewHandler>();
        services.AddSingleton<DepartmentAdminHandler>();
        services.AddSingleton<OpenRoomLocator>();
        services.AddSingleton<SessionUpdater>();
        services.AddSingleton<SessionViewHandler>();
        services.AddSingleton<SetUserParamsHandler>();
        services.AddSingleton<UserParamsWriter>();
        services.AddSingleton<SetDepartmentHandler>();
        services.AddSingleton<SetRecipeHandler>();
        services.AddSingleton<LogoutHandler>();
        services.AddSingleton<UserIdSignature>();
        services.AddSingleton<SetUserIdHandler>();
        services.AddSingleton<CustomFieldsHandler>();
        services.AddSingleton<ConversationsHandler>();
        services.AddSingleton<OverviewHandler>();
        services.AddSingleton<Livechat.Core.Branding.BrandDirectory>();
        services.AddSingleton<Livechat.Core.Branding.BrandAdminHandler>();

        services.AddSingleton<AdminKey>();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<AgentInvitations>();
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AgentTokenService>();
        services.AddSingleton<AgentAuthenticator>();
        services.AddSingleton<IssueAgentTokenHandler>();
        services.AddSingleton<AgentTokenRevocation>();
        services.AddSingleton<RoomTransfer>();
        services.AddSingleton<ListQueueHandler>();
        services.AddSingleton<ClaimRoomHandler>();
        services.AddSingleton<AgentPostMessageHandler>();
        services.AddSingleton<AgentReadTranscriptHandler>();
        services.AddSingleton<AgentCloseRoomHandler>();
        services.AddSingleton<AgentNegotiateHandler>();

        services.AddSingleton<StartRoomActivity>();
        services.AddSingleton<SweepIdleRoomsActivity>();
        services.AddSingleton<SessionRetention>();
        services.AddSingleton<RateCounterRetention>();
        services.AddSingleton<SweepExpiredDataActivity>();
        services.AddSingleton<BotTurnDelivery>();
        services.AddSingleton<ReadVisitorInputsActivity>();
        services.AddSingleton<ResumeDeferredRoomActivity>();
        services.AddSingleton<SendBotMessagesActivity>();
        services.AddSingleton<TransferRoomActivity>();
        services.AddSingleton<FlowVariablesStore>();
        AddValidatedOptions<WebhookOptions>(services, configuration, "Webhooks");
        services.AddSingleton<OutboundAddressPolicy>();
        // No redirects (a public URL could send the call on to a private one) and only allowed addresses.
        services.AddHttpClient<CallWebhookActivity>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(OutboundHandler);
        AddWebhookEvents(services, configuration);
        AddRouting(services, configuration);
        AddOfflineAndCsat(services, configuration);
        AddDataLifecycle(services, configuration);
        return services;
    }

    /// <summary>The outbound webhook connection: no redirects (a public URL could send the call on to a private one) and only allowed addresses.</summary>
    private static SocketsHttpHandler OutboundHandler(IServiceProvider sp) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = (context, token) => sp.GetRequiredService<OutboundAddressPolicy>().ConnectAsync(context.DnsEndPoint, token),
    };

    /// <summary>Chat-event webhooks: subscriptions, the event log, dead letters, delivery; the pumps' port is the host's.</summary>
    private static void AddWebhookEvents(IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<WebhookEventOptions>(services, configuration, "WebhookEvents");
        services.AddSingleton<IWebhookSubscriptionStore, TableWebhookSubscriptionStore>();
        services.AddSingleton<IWebhookEventLog, TableWebhookEventLog>();
        services.AddSingleton<IWebhookDeadLetterStore, TableWebhookDeadLetterStore>();
        services.AddSingleton<WebhookSubscriptionCache>();
        services.AddSingleton<WebhookEventRecorder>();
        // The Functions app puts its own in place (registered after this).
        services.TryAddSingleton<IWebhookPumps, NoWebhookPumps>();
        services.AddSingleton<WebhookAdminHandler>();
        services.AddSingleton<DeliverWebhookBatchActivity>();
        services.AddSingleton<DeadLetterWebhookEventActivity>();
        services.AddHttpClient<WebhookDelivery>(client => client.Timeout = Timeout.InfiniteTimeSpan).ConfigurePrimaryHttpMessageHandler(OutboundHandler);
    }

    /// <summary>Export, erasure and retention: every table's holder, the locator, the audit log; the histories' port is the host's.</summary>
    private static void AddDataLifecycle(IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<Livechat.Core.Privacy.RetentionOptions>(services, configuration, "Retention");
        services.AddSingleton<IEnumerable<Livechat.Core.Privacy.IPersonalDataHolder>>(sp => PersonalDataTables.Holders(sp.GetRequiredService<LivechatTables>()));
        services.AddSingleton<Livechat.Core.Privacy.ISubjectLocator, TableSubjectLocator>();
        services.AddSingleton<Livechat.Core.Privacy.IAuditLog, TableAuditLog>();
        // The Functions app puts its own in place (registered after this).
        services.TryAddSingleton<Livechat.Core.Privacy.IRoomHistories, Livechat.Core.Privacy.NoRoomHistories>();
        services.AddSingleton<Livechat.Core.Privacy.PersonalDataEraser>();
        services.AddSingleton<Livechat.Core.Privacy.PrivacyHandler>();
        services.AddSingleton<Livechat.Core.Privacy.RoomRetention>();
    }

    /// <summary>Presence, capacity, round-robin auto-assignment and queue positions (see docs/decisions/0011).</summary>
    private static void AddRouting(IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<RoutingOptions>(services, configuration, "Routing");
        services.AddSingleton<IAgentRoutingStore, TableAgentRoutingStore>();
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<AgentSeats>();
        services.AddSingleton<QueuePositions>();
        services.AddSingleton<ClaimBookkeeping>();
        services.AddSingleton<AutoAssigner>();
        services.AddSingleton<RoomRouting>();
        services.AddSingleton<RoomReoffer>();
        services.AddSingleton<PresenceHandler>();
        services.AddSingleton<CapacityHandler>();
        services.AddSingleton<IAgentAvailability, PresenceAgentAvailability>();
    }

    /// <summary>Business hours, the offline form, CSAT and the agents' transfer with a note.</summary>
    private static void AddOfflineAndCsat(IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<Livechat.Core.Offline.OfflineOptions>(services, configuration, "Offline");
        services.AddSingleton<Livechat.Core.Departments.DepartmentHoursHandler>();
        services.AddSingleton<Livechat.Core.Offline.OfflineRouting>();
        services.AddSingleton<Livechat.Core.Offline.OfflineMessageHandler>();
        services.AddSingleton<Livechat.Core.Offline.OfflineListHandler>();
        services.AddSingleton<Livechat.Core.Csat.CsatHandler>();
        services.AddSingleton<AgentTransferHandler>();
    }

    /// <summary>Binds a section, validates data annotations, and fails start-up when a setting is wrong.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
