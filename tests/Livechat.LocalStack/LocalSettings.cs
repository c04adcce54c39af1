using System.Text.Json;

namespace Livechat.LocalStack;

/// <summary>
/// The app's local development settings, read from the same <c>local.settings.example.json</c> that <c>func start</c>
/// users copy and <c>./run.sh</c> exports, so tests run the app as a developer does.
/// </summary>
public static class LocalSettings
{
    public static Dictionary<string, string> Read()
    {
        var path = Path.Combine(StackPaths.Root, "src", "Livechat.Functions", "local.settings.example.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
