using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Sockets;

namespace Livechat.Core.Webhooks;

/// <summary>
/// Where recipe webhooks may connect. The check is made on the address the socket connects to, after DNS, so a name
/// that resolves to a private address (or re-resolves to one: DNS rebinding) is refused as well.
/// </summary>
public sealed class OutboundAddressPolicy(IOptions<WebhookOptions> options)
{
    public bool AllowsScheme(Uri url) => url.Scheme == Uri.UriSchemeHttps || (options.Value.AllowPrivateNetworks && url.Scheme == Uri.UriSchemeHttp);

    public bool Allows(IPAddress address) => options.Value.AllowPrivateNetworks || IsPublic(address);

    /// <summary>The socket connect of the webhook client: resolves, keeps only allowed addresses, connects to the first that answers.</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(Allows).ToArray();
        if (allowed.Length == 0) throw new WebhookAddressRefusedException($"{endpoint.Host} resolves to no public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224             // this network, private, loopback, multicast and reserved
                 || (b[0] == 100 && b[1] >= 64 && b[1] < 128)                      // carrier-grade NAT
                 || (b[0] == 169 && b[1] == 254)                                  // link-local, cloud metadata
                 || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)                       // IETF protocol assignments
                 || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));                 // benchmarking
    }
}

/// <summary>A webhook URL whose host is not a public address: refused, not retried.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
