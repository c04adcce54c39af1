using System.Text.Json;

namespace Livechat.Infra.Tests;

internal static class JsonElementExtensions
{
    /// <summary>Follows a dotted property path; fails the test with the path when a step is missing.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next))
            {
                Assert.Fail($"'{path}' not found (missing '{part}') in: {Shorten(element)}");
                return default;
            }

            current = next;
        }

        return current;
    }

    public static bool Has(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return false;
            }
        }

        return true;
    }

    public static string Str(this JsonElement element, string path)
    {
        var value = element.At(path);
        Assert.True(value.ValueKind == JsonValueKind.String, $"'{path}' is {value.ValueKind}, not a string: {value}");
        return value.GetString()!;
    }

    public static bool Bool(this JsonElement element, string path)
    {
        var value = element.At(path);
        Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"'{path}' is {value.ValueKind}, not a bool: {value}");
        return value.GetBoolean();
    }

    public static int Int(this JsonElement element, string path) => element.At(path).GetInt32();

    public static IReadOnlyList<string> Strings(this JsonElement element, string path) =>
        element.At(path).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string Shorten(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 600 ? text : text[..600] + "...";
    }
}
