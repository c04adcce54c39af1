using System.Text.Json;
using System.Text.Json.Serialization;

namespace Livechat.Core.Common;

/// <summary>
/// The one JSON shape of the API, realtime payloads and orchestration data: camelCase, enums as lowercase text.
/// Both hosts use it so events and payloads are identical.
/// </summary>
public static class LivechatJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
