using Livechat.Api;
using Livechat.Api.Admin;
using Livechat.Api.Agents;
using Livechat.Api.Rooms;
using Livechat.Api.Sessions;
using Livechat.Azure;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Departments;
using Livechat.Core.Limits;
using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Livechat.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using System.Text;
using System.Text.Json;

namespace Livechat.Functions.Tests;

/// <summary>
/// The real HTTP faces and core handlers over mocked ports and a mocked Durable client, with HTTP requests built and
/// results executed the way the Functions ASP.NET Core integration does.
/// </summary>
public sealed class FunctionsApiHarness
{
    public const string SessionId = "s-1";
    public const string VisitorId = "v-1";

    private readonly ServiceProvider _httpServices;

    /// <param name="settings">Settings added to (or replacing) the harness's own, e.g. Admin:EasyAuthEnabled.</param>
    public FunctionsApiHarness(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Tokens = new SessionTokenService(
            Options.Create(new SessionOptions { SigningKey = "functions-tests-signing-key-0123456789" }), TimeProvider.System);
        Session = new VisitorSession { SessionId = SessionId, VisitorId = VisitorId, CreatedAt = DateTimeOffset.UtcNow, ETag = "1" };
        Sessions.Setup(s => s.GetAsync(SessionId, It.IsAny<CancellationToken>())).ReturnsAsync(() => Session);

        // The production registrations, with the storage and realtime ports replaced by mocks.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Sessions:SigningKey"] = "functions-tests-signing-key-0123456789",
            ["Webhooks:SigningSecret"] = "functions-tests-webhook-secret-0123456789",
            ["Admin:ApiKey"] = AdminApiKey,
            ["Offline:WhenNobodyOnline"] = "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .ConfigureHttpJsonOptions(o => LivechatJson.Configure(o.SerializerOptions))
            .AddLivechat(configuration)
            .AddLivechatApi();
        services.AddSingleton(Sessions.Object);
        services.AddSingleton(Rooms.Object);
        services.AddSingleton(Recipes.Object);
        services.AddSingleton(Users.Object);
        services.AddSingleton(Fields.Object);
        services.AddSingleton(AgentQueue.Object);
        services.AddSingleton(IdleClocks.Object);
        services.AddSingleton(Departments.Object);
        services.AddSingleton(Conversations.Object);
        // Every counter starts empty unless a test says otherwise; saves always win.
        RateCounters.Setup(s => s.TrySaveAsync(It.IsAny<RateCounter>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        services.AddSingleton(RateCounters.Object);
        // Every signed agent token is in force unless a test says otherwise.
        AgentTokenStore.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string agentId, string tokenId, CancellationToken _) => new AgentTokenRecord(agentId, tokenId, "Agent", [], DateTimeOffset.UtcNow, DateTimeOffset.MaxValue));
        AgentTokenStore.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services.AddSingleton(AgentTokenStore.Object);
        AgentInvitations.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services.AddSingleton(AgentInvitations.Object);
        AgentActivity.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services.AddSingleton(AgentActivity.Object);
        services.AddSingleton(Negotiator.Object);
        services.AddSingleton(Realtime.Object);
        // The agent tools' stores: notes and read watermarks are read beside every transcript.
        Notes.Setup(n => n.ListAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Receipts.Setup(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(Livechat.Core.Rooms.Receipts.ReadWatermarks.None);
        services.AddSingleton(Notes.Object);
        services.AddSingleton(Receipts.Object);
        services.AddSingleton(VisitorPages.Object);
        services.AddSingleton(CannedResponses.Object);
        // No webhook subscriptions: publishing a chat event records nothing.
        var webhookSubscriptions = new Mock<Livechat.Core.Webhooks.Events.IWebhookSubscriptionStore>();
        webhookSubscriptions.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services.AddSingleton(webhookSubscriptions.Object);
        // Nobody has chosen a presence: no agent is online, nothing is auto-assigned; a seat saved is saved.
        var routing = new Mock<Livechat.Core.Routing.IAgentRoutingStore>();
        routing.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string agentId, CancellationToken _) => Livechat.Core.Routing.AgentRouting.New(agentId));
        routing.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        routing.Setup(s => s.TrySaveAsync(It.IsAny<Livechat.Core.Routing.AgentRouting>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Livechat.Core.Routing.AgentRouting r, CancellationToken _) => r with { ETag = "1" });
        services.AddSingleton(routing.Object);
        services.AddSingleton<IRoomOrchestrations, FunctionsRoomOrchestrations>();
        services.AddSingleton(Tokens);
        _httpServices = services.BuildServiceProvider();
        RoomsApi = _httpServices.GetRequiredService<RoomsApi>();
        SessionsApi = _httpServices.GetRequiredService<SessionsApi>();
        AgentsApi = _httpServices.GetRequiredService<AgentsApi>();
        AdminApi = _httpServices.GetRequiredService<AdminApi>();
        RecipesAdminApi = _httpServices.GetRequiredService<RecipesAdminApi>();
        DepartmentsAdminApi = _httpServices.GetRequiredService<DepartmentsAdminApi>();
        ConversationsAdminApi = _httpServices.GetRequiredService<ConversationsAdminApi>();
        AgentTokens = _httpServices.GetRequiredService<AgentTokenService>();
    }

    public const string AdminApiKey = "functions-tests-admin-key-0123456789abcdef";

    public Mock<ISessionStore> Sessions { get; } = new();
    public Mock<IRoomStore> Rooms { get; } = new();
    public Mock<IRecipeStore> Recipes { get; } = new();
    public Mock<IUserStore> Users { get; } = new();
    public Mock<ICustomFieldStore> Fields { get; } = new();
    public Mock<IAgentQueue> AgentQueue { get; } = new();
    public Mock<IIdleRoomClocks> IdleClocks { get; } = new();
    public Mock<IDepartmentStore> Departments { get; } = new();
    public Mock<IConversationIndex> Conversations { get; } = new();
    public Mock<IRateCounterStore> RateCounters { get; } = new();
    public Mock<IAgentTokenStore> AgentTokenStore { get; } = new();
    public Mock<IAgentInvitationStore> AgentInvitations { get; } = new();
    public Mock<IAgentActivityStore> AgentActivity { get; } = new();
    public Mock<IRealtimeNegotiator> Negotiator { get; } = new();
    public Mock<IRealtimePublisher> Realtime { get; } = new();
    public Mock<Livechat.Core.Notes.INoteStore> Notes { get; } = new();
    public Mock<Livechat.Core.Rooms.Receipts.IReadReceiptStore> Receipts { get; } = new();
    public Mock<Livechat.Core.Rooms.Pages.IVisitorPageStore> VisitorPages { get; } = new();
    public Mock<Livechat.Core.CannedResponses.ICannedResponseStore> CannedResponses { get; } = new();
    public Mock<DurableTaskClient> Durable { get; } = new("test-hub");

    /// <summary>Runs a function as the worker does: DurableClientMiddleware binds the invocation's Durable client around it.</summary>
    public async Task<IResult> WithDurableClientAsync(Func<Task<IResult>> function)
    {
        using var _ = InvocationDurableClient.Bind(Durable.Object);
        return await function();
    }
    public SessionTokenService Tokens { get; }
    public VisitorSession Session { get; set; }
    public RoomsApi RoomsApi { get; }
    public SessionsApi SessionsApi { get; }
    public AgentsApi AgentsApi { get; }
    public AdminApi AdminApi { get; }
    public RecipesAdminApi RecipesAdminApi { get; }
    public DepartmentsAdminApi DepartmentsAdminApi { get; }
    public ConversationsAdminApi ConversationsAdminApi { get; }
    public AgentTokenService AgentTokens { get; }

    /// <summary>A valid bearer token for <see cref="Session"/>.</summary>
    public string Token => Tokens.Issue(SessionId, VisitorId).Token;

    public HttpContext NewContext(string method, string? body, string? authorization = null)
    {
        var context = new DefaultHttpContext { RequestServices = _httpServices };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("livechat.test");
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Writes the result into the response as the host would, and reads it back.</summary>
    public static async Task<HttpResponseSnapshot> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new HttpResponseSnapshot(
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.Headers.Location.ToString(),
            text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone())
        {
            RetryAfter = context.Response.Headers.RetryAfter.ToString(),
        };
    }

    public void VerifyNoStoreWrites()
    {
        Sessions.Verify(s => s.CreateAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
        Sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
        Rooms.Verify(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        Rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        Rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        Recipes.Verify(r => r.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
        Recipes.Verify(r => r.SetPublicAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Departments.Verify(d => d.SaveAsync(It.IsAny<Department>(), It.IsAny<CancellationToken>()), Times.Never);
        Departments.Verify(d => d.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Realtime.VerifyNoOtherCalls();
        Durable.VerifyNoOtherCalls();
    }

    public static void AssertProblem(HttpResponseSnapshot response, int status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.NotNull(response.Body);
        Assert.Equal(status, response.Body.Value.GetProperty("status").GetInt32());
    }

    public static void AssertValidationProblem(HttpResponseSnapshot response, string field)
    {
        AssertProblem(response, StatusCodes.Status400BadRequest);
        var errors = response.Body!.Value.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        Assert.NotEqual(0, messages.GetArrayLength());
    }
}
