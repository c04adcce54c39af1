using System.Text.Json;

namespace Livechat.Functions.Tests;

/// <summary>What a visitor's browser gets back.</summary>
public sealed record HttpResponseSnapshot(int StatusCode, string? ContentType, string Location, JsonElement? Body);
