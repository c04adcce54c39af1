namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class SignalRTests(InfraFixture infra)
{
    [Fact]
    public void SignalR_Default_IsStandardS1InServerlessMode()
    {
        var signalR = infra.Flex.SignalR;

        Assert.Equal("SignalR", signalR.Str("kind"));
        Assert.Equal("Standard_S1", signalR.Str("sku.name"));
        Assert.Equal("Standard", signalR.Str("sku.tier"));
        Assert.Equal(1, signalR.Int("sku.capacity"));
        Assert.Equal("Serverless", Feature(signalR, "ServiceMode"));
    }

    [Fact]
    public void SignalR_FreeSku_UsesFreeTierWithOneUnit()
    {
        var signalR = infra.Windows.SignalR; // signalRSku = 'Free_F1', signalRCapacity = 3

        Assert.Equal("Free_F1", signalR.Str("sku.name"));
        Assert.Equal("Free", signalR.Str("sku.tier"));
        Assert.Equal(1, signalR.Int("sku.capacity"));
        Assert.Equal("Serverless", Feature(signalR, "ServiceMode"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void SignalR_AnyPlan_KeepsAccessKeyAuthForHs256TokensWithoutClientCertificates(string plan)
    {
        var signalR = infra.SnapshotFor(plan).SignalR;

        Assert.False(signalR.Bool("properties.disableLocalAuth"), "the app signs HS256 tokens with the AccessKey");
        Assert.False(signalR.Bool("properties.tls.clientCertEnabled"));
    }

    private static string Feature(System.Text.Json.JsonElement signalR, string flag)
    {
        var features = signalR.At("properties.features").EnumerateArray().Where(f => f.Str("flag") == flag).ToList();
        Assert.True(features.Count == 1, $"Expected one {flag} feature, found {features.Count}.");
        return features[0].Str("value");
    }
}
