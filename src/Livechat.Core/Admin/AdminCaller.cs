namespace Livechat.Core.Admin;

/// <summary>Who is calling the admin API and how they proved it.</summary>
/// <param name="Method"><c>key</c> (the <c>x-admin-key</c> header) or <c>entra</c> (App Service authentication).</param>
public sealed record AdminCaller(string Method, string Name);
