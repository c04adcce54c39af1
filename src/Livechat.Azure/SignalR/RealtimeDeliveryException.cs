using System.Net;

namespace Livechat.Azure.SignalR;

/// <summary>A realtime REST call to Azure SignalR Service failed for good (after its retries, or at once on a client error).</summary>
public sealed class RealtimeDeliveryException : Exception
{
    public RealtimeDeliveryException(string message, HttpStatusCode? statusCode, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>Status of the last response, or null when the last attempt got none (network error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How many requests were sent.</summary>
    public int Attempts { get; }
}
