using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using System.Text;

namespace Livechat.Azure.SignalR;

/// <summary>
/// Access tokens for Azure SignalR Service: HS256 JWTs signed with the UTF-8 bytes of the AccessKey,
/// <c>aud</c> = the URL they are for (without query string), <c>exp</c> always set.
/// </summary>
public sealed class SignalRTokenFactory
{
    /// <summary>Lifetime of a token for one REST call.</summary>
    public static readonly TimeSpan ServerTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The JWT claim Azure SignalR reads the user id from (ClaimTypes.NameIdentifier's short name).</summary>
    public const string UserIdClaim = "nameid";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly SignalRServiceOptions _options;

    public SignalRTokenFactory(IOptions<SignalRServiceOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        var connection = SignalRConnectionString.Parse(_options.ConnectionString);
        Endpoint = connection.Endpoint;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(connection.AccessKey));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The service endpoint, scheme and authority only: <c>https://x.service.signalr.net</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The URL clients connect to: <c>{endpoint}/client/?hub={hub}</c>.</summary>
    public string ClientUrl => $"{Endpoint}/client/?hub={Uri.EscapeDataString(_options.HubName)}";

    /// <summary>A short-lived token for one data-plane REST request to <paramref name="requestUri"/>.</summary>
    public string CreateServerToken(Uri requestUri) =>
        CreateToken(requestUri.GetLeftPart(UriPartial.Path), ServerTokenLifetime, userId: null);

    /// <summary>A client token for <see cref="ClientUrl"/>, carrying <paramref name="userId"/> as <c>nameid</c>.</summary>
    public string CreateClientToken(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return CreateToken(ClientUrl, _options.TokenLifetime, userId);
    }

    private string CreateToken(string audience, TimeSpan lifetime, string? userId)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
        };
        if (userId is not null)
        {
            // The Claims dictionary is written as is; a ClaimsIdentity subject would emit the long ClaimTypes URI.
            descriptor.Claims = new Dictionary<string, object> { [UserIdClaim] = userId };
        }
        return _handler.CreateToken(descriptor);
    }
}
