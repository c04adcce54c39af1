using System.Text.Json;

namespace Livechat.Functions.Tests;

/// <summary>What a visitor's browser gets back.</summary>
public sealed record HttpResponseSnapshot(int StatusCode, string? ContentType, string Location, JsonElement? Body)
{
    /// <summary>The <c>Retry-After</c> header; empty when there is none.</summary>
    public string RetryAfter { get; init; } = "";
}
