using Microsoft.Extensions.Logging;

namespace Livechat.Azure.Tests.SignalR;

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception);
