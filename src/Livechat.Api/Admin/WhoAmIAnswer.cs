namespace Livechat.Api.Admin;

/// <summary>Who called the admin API: <c>method</c> key or entra, a name to show, and where Microsoft sign-in is when it is on.</summary>
public sealed record WhoAmIAnswer(string Method, string Name, string? EntraSignInUrl);
