namespace Livechat.Core.Webhooks;

/// <summary>A webhook attempt that may succeed if tried again (5xx, 408, 429, time-out, network): the orchestration retries it.</summary>
public sealed class WebhookTransientException(string message, Exception? inner = null) : Exception(message, inner);
