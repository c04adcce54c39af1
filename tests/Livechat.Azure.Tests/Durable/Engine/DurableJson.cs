using Livechat.Core.Common;
using Microsoft.DurableTask.Converters;

namespace Livechat.Azure.Tests.Durable.Engine;

/// <summary>
/// The app's serializer for orchestration inputs, outputs and events, as the Functions worker uses it. TaskHubClient
/// would otherwise use Newtonsoft while the orchestrator shims use System.Text.Json, and the two disagree on records.
/// </summary>
public static class DurableJson
{
    public static JsonDataConverter Converter { get; } = new(LivechatJson.Options);

    public static DurableTask.Core.Serializing.DataConverter CoreConverter { get; } = new CoreDataConverter();

    private sealed class CoreDataConverter : DurableTask.Core.Serializing.DataConverter
    {
        public override string Serialize(object value) => Converter.Serialize(value)!;

        public override string Serialize(object value, bool formatted) => Converter.Serialize(value)!;

        public override object Deserialize(string data, Type objectType) => Converter.Deserialize(data, objectType)!;
    }
}
