using System.Diagnostics.CodeAnalysis;

namespace Livechat.Azure.SignalR;

/// <summary>
/// The parts of an Azure SignalR Service connection string this adapter uses:
/// <c>Endpoint=https://x.service.signalr.net;AccessKey=...;Version=1.0;Port=8080;</c>.
/// Keys are case-insensitive, values may contain '=' (base64 keys do). Error messages never echo the key.
/// </summary>
public sealed class SignalRConnectionString
{
    private SignalRConnectionString(string endpoint, string accessKey, int? port)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
        Port = port;
    }

    /// <summary>Scheme, host and port (when set), without a trailing slash: <c>https://x.service.signalr.net</c>.</summary>
    public string Endpoint { get; }

    public string AccessKey { get; }

    public int? Port { get; }

    public static SignalRConnectionString Parse(string connectionString)
    {
        if (!TryParse(connectionString, out var result, out var error))
        {
            throw new FormatException(error);
        }
        return result;
    }

    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out SignalRConnectionString? result) =>
        TryParse(connectionString, out result, out _);

    private static bool TryParse(
        string? connectionString,
        [NotNullWhen(true)] out SignalRConnectionString? result,
        out string error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "The SignalR connection string is empty.";
            return false;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                error = "The SignalR connection string has a part that is not 'Key=Value'.";
                return false;
            }
            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("AuthType", out var authType) && !string.Equals(authType, "AccessKey", StringComparison.OrdinalIgnoreCase))
        {
            error = $"The SignalR connection string uses AuthType '{authType}'; this adapter signs tokens and needs an AccessKey connection string.";
            return false;
        }

        if (!parts.TryGetValue("Endpoint", out var endpointText) || endpointText.Length == 0)
        {
            error = "The SignalR connection string has no Endpoint part.";
            return false;
        }
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpointUri)
            || (endpointUri.Scheme != Uri.UriSchemeHttps && endpointUri.Scheme != Uri.UriSchemeHttp))
        {
            error = "The SignalR connection string's Endpoint is not an absolute http or https URL.";
            return false;
        }

        if (!parts.TryGetValue("AccessKey", out var accessKey) || accessKey.Length == 0)
        {
            error = "The SignalR connection string has no AccessKey part.";
            return false;
        }

        int? port = null;
        if (parts.TryGetValue("Port", out var portText) && portText.Length > 0)
        {
            if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                || parsed is < 1 or > 65535)
            {
                error = "The SignalR connection string's Port is not a number between 1 and 65535.";
                return false;
            }
            port = parsed;
        }

        var builder = new UriBuilder(endpointUri.Scheme, endpointUri.Host, port ?? endpointUri.Port);
        var endpoint = builder.Uri.GetLeftPart(UriPartial.Authority);
        result = new SignalRConnectionString(endpoint, accessKey, port);
        error = "";
        return true;
    }

    public override string ToString() => $"Endpoint={Endpoint}";
}
