namespace Livechat.Azure.SignalR;

/// <summary>The REST API's PayloadMessage: the hub method the clients run and its arguments.</summary>
internal sealed record SignalRPayloadMessage(string Target, object[] Arguments);
