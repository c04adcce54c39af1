using Livechat.Core.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using System.Net;
using System.Net.Sockets;

namespace Livechat.Api.Http;

/// <summary>
/// The caller's network address, for the per-address limits (docs/decisions/0006-client-limits.md). On the Functions
/// host the worker's forwarded-headers middleware has already put the address the nearest proxy reported into
/// <c>RemoteIpAddress</c> and removed it from <c>X-Forwarded-For</c>. Where no middleware did, the right-most
/// <c>X-Forwarded-For</c> entry is the one the nearest proxy appended; the ones left of it are whatever the client
/// sent. IPv6 counts by its /64, which one subscriber usually holds whole.
/// </summary>
public static class ClientAddress
{
    /// <summary>Set by the forwarded-headers middleware when it applied a hop: what is left came from further out.</summary>
    private const string OriginalForHeader = "X-Original-For";
    private const string ForwardedForHeader = "X-Forwarded-For";

    public static ClientKey KeyOf(HttpRequest request) => Of(request) is { } address ? new ClientKey(Group(address)) : ClientKey.Unknown;

    public static IPAddress? Of(HttpRequest request)
    {
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        if (request.Headers.ContainsKey(OriginalForHeader)) return remote;
        return RightMost(request.Headers[ForwardedForHeader]) ?? remote;
    }

    /// <summary>The address <paramref name="address"/> is counted as: IPv4 as it is, IPv6 as its /64 prefix.</summary>
    public static string Group(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The last entry of the list (several headers read as one list, in order); null when it is no address.</summary>
    private static IPAddress? RightMost(StringValues headers)
    {
        for (var i = headers.Count - 1; i >= 0; i--)
        {
            var entries = (headers[i] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            // "a.b.c.d", "a.b.c.d:port", "[v6]:port" and bare v6 all parse; a garbled last entry ("unknown") means no
            // answer, never the entry before it, which the client may have written.
            if (entries.Length > 0) return IPEndPoint.TryParse(entries[^1], out var endpoint) ? endpoint.Address : null;
        }
        return null;
    }
}
