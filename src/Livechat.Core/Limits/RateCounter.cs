namespace Livechat.Core.Limits;

/// <summary>How much of a limit's window is taken, as stored, with the ETag a conditional save needs (null: not stored yet).</summary>
public sealed record RateCounter(RateCounterKey Key, int Count, string? ETag);
