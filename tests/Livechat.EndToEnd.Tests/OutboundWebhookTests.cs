using Livechat.Core.Recipes;
using Livechat.EndToEnd.Tests.Support;
using System.Net.Http.Json;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Outside local development a recipe's webhook cannot reach into the app's own network: plain http, loopback and
/// private addresses are refused before any connection (checked on the resolved address), and the flow takes the
/// block's failure path. The receiver here listens on loopback, as an internal service would.
/// </summary>
public sealed class OutboundWebhookTests(OutboundWebhookTests.Strict fixture) : IClassFixture<OutboundWebhookTests.Strict>
{
    [Theory]
    [InlineData(Strict.PlainHttpRecipe)]
    [InlineData(Strict.LoopbackNameRecipe)]
    [InlineData(Strict.MetadataRecipe)]
    public async Task WebhookToAPrivateAddress_IsNeverCalled_TheFlowTakesTheFailurePath(string recipeId)
    {
        await using var visitor = await Visitor.CreateAsync(fixture.Server.BaseAddress);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();

        var messages = await visitor.WaitForMessagesAsync(roomId, 2);

        Assert.Equal(["Not reachable.", "Anything else?"], messages.Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal(0, fixture.Internal.Calls("/internal"));
    }

    public sealed class Strict : HostFixture
    {
        public const string PlainHttpRecipe = "hook-plain-http";
        public const string LoopbackNameRecipe = "hook-loopback-name";
        public const string MetadataRecipe = "hook-metadata";

        public WebhookSite Internal { get; } = new(new Dictionary<string, Func<WebhookSite.Reply>>());

        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Webhooks__AllowPrivateNetworks"] = "false" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var port = new Uri(Internal.Url).Port;
            foreach (var (id, url) in new[]
                     {
                         (PlainHttpRecipe, Internal.Url + "internal"),
                         (LoopbackNameRecipe, $"https://localhost:{port}/internal"),
                         (MetadataRecipe, "https://169.254.169.254/metadata/identity/oauth2/token"),
                     })
                await RecipeSeeder.SaveAsync(Server.TablePrefix, new Recipe
                {
                    Id = id,
                    Name = id,
                    StartBlockId = "hook",
                    Blocks =
                    [
                        new RecipeBlock { Id = "hook", Type = BlockTypes.Webhook, Url = url, Next = "reached", OnFailure = "refused" },
                        new RecipeBlock { Id = "reached", Type = BlockTypes.End, Text = "Reached it." },
                        new RecipeBlock { Id = "refused", Type = BlockTypes.Message, Text = "Not reachable.", Next = "menu" },
                        new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = "Anything else?", Buttons = [new RecipeButton("again", "Again?", "menu")] },
                    ],
                });
            foreach (var id in new[] { PlainHttpRecipe, LoopbackNameRecipe, MetadataRecipe }) await Dashboard.SetRecipePublicAsync(Server, id);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Internal.Dispose();
        }
    }
}
