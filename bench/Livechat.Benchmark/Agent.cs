namespace Livechat.Benchmark;

/// <summary>An agent: its token, the department its rooms are transferred to, its realtime connection.</summary>
internal sealed record Agent(string Token, string Department, EventInbox Inbox);
