using System.Text.Json;
using System.Text.RegularExpressions;

namespace Livechat.Functions.Tests;

/// <summary>
/// The README's API tables and the routes the Functions host will index are the same set: a route added without a
/// row, or a row whose route was renamed, fails here. Parameters compare by position, not name.
/// </summary>
public sealed partial class DocumentedRoutesTests
{
    [Fact]
    public void ReadmeApiTables_ListExactlyTheAppsApiRoutes()
    {
        var documented = DocumentedRoutes();
        var served = ServedRoutes();

        Assert.True(documented.Count > 30, $"only {documented.Count} routes found in the README's tables");
        var undocumented = served.Except(documented).Order().ToList();
        var unserved = documented.Except(served).Order().ToList();
        Assert.True(undocumented.Count == 0 && unserved.Count == 0,
            $"served but not in the README: {string.Join(", ", undocumented)}; in the README but not served: {string.Join(", ", unserved)}");
    }

    private static HashSet<string> DocumentedRoutes()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        return readme.Where(line => line.StartsWith('|'))
            .SelectMany(line => RouteSpan().Matches(line).Select(m => Normalize(m.Groups["method"].Value, m.Groups["path"].Value)))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> ServedRoutes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FunctionsApp", "functions.metadata")));
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "httpTrigger") continue;
                var route = binding.GetProperty("route").GetString()!;
                if (!route.StartsWith("api/", StringComparison.Ordinal)) continue; // pages: the console, the demo, the spec
                foreach (var method in binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))
                    if (method != "OPTIONS") routes.Add(Normalize(method, "/" + route)); // CORS preflight, answered for every API route
            }
        return routes;
    }

    private static string Normalize(string method, string path) => $"{method} {Parameter().Replace(path.Split('?')[0], "{}")}";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/api/[^`\s]*)`")]
    private static partial Regex RouteSpan();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
