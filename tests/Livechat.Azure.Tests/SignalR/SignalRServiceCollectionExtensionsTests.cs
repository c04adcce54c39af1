using Livechat.Azure.SignalR;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRServiceCollectionExtensionsTests
{
    private const string ValidConnectionString =
        "Endpoint=https://demo.service.signalr.net;AccessKey=di-test-access-key-0123456789abcdefghijklmnop=;Version=1.0;";

    [Fact]
    public void AddSignalRService_ValidSection_ResolvesAdaptersWithBoundOptions()
    {
        using var provider = BuildProvider(new()
        {
            ["SignalR:ConnectionString"] = ValidConnectionString,
            ["SignalR:HubName"] = "support",
            ["SignalR:TokenLifetime"] = "00:30:00",
            ["SignalR:MaxAttempts"] = "2",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        // Sends are best effort (a failing service must not fail the chat), over the REST publisher.
        Assert.IsType<BestEffortRealtimePublisher>(provider.GetRequiredService<IRealtimePublisher>());
        Assert.NotNull(provider.GetRequiredService<SignalRRestPublisher>());
        var negotiator = provider.GetRequiredService<IRealtimeNegotiator>();
        Assert.Equal("https://demo.service.signalr.net/client/?hub=support", negotiator.Negotiate("u-1").Url);
        var options = provider.GetRequiredService<IOptions<SignalRServiceOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenLifetime);
        Assert.Equal(2, options.MaxAttempts);
    }

    [Fact]
    public void AddSignalRService_NoHubName_DefaultsToChat()
    {
        using var provider = BuildProvider(new() { ["SignalR:ConnectionString"] = ValidConnectionString });

        var options = provider.GetRequiredService<IOptions<SignalRServiceOptions>>().Value;

        Assert.Equal("chat", options.HubName);
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifetime);
        Assert.Equal(4, options.MaxAttempts);
    }

    [Fact]
    public void AddSignalRService_MissingConnectionString_FailsStartupValidation()
    {
        using var provider = BuildProvider([]);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ConnectionString", exception.Message);
    }

    [Fact]
    public void AddSignalRService_ConnectionStringWithoutAccessKey_FailsStartupValidation()
    {
        using var provider = BuildProvider(new() { ["SignalR:ConnectionString"] = "Endpoint=https://demo.service.signalr.net;Version=1.0;" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AccessKey", exception.Message);
    }

    [Fact]
    public void AddSignalRService_InvalidHubName_FailsStartupValidation()
    {
        using var provider = BuildProvider(new()
        {
            ["SignalR:ConnectionString"] = ValidConnectionString,
            ["SignalR:HubName"] = "1 bad/hub",
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignalRService(configuration);
        return services.BuildServiceProvider();
    }
}
