using System.Diagnostics;
using System.Reflection;

namespace Livechat.Infra.Tests;

/// <summary>
/// The Bicep CLI restored by the project's PackageDownload (Azure.Bicep.CommandLine.linux-x64).
/// </summary>
internal sealed class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private const UnixFileMode ExecuteBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private BicepCli(string executablePath) => ExecutablePath = executablePath;

    public string ExecutablePath { get; }

    public static BicepCli Locate()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException("The tests restore the linux-x64 Bicep CLI package; run them on Linux x64.");
        }

        var version = AssemblyMetadata("BicepCliVersion")
            ?? throw new InvalidOperationException("BicepCliVersion assembly metadata is missing.");

        var roots = new[]
        {
            AssemblyMetadata("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };

        var candidates = roots
            .Where(root => !string.IsNullOrWhiteSpace(root))
            .Select(root => Path.Combine(root!, PackageId, version, "tools", "bicep"))
            .ToList();

        var executable = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Bicep CLI {version} not found; run 'dotnet restore' on the test project. Looked in: {string.Join(", ", candidates)}");

        // NuGet does not always keep the execute bit of files it extracts.
        var mode = File.GetUnixFileMode(executable);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(executable, mode | ExecuteBits);
        }

        return new BicepCli(executable);
    }

    /// <summary>
    /// Runs bicep with the given arguments. Every LIVECHAT_* variable of the test process is removed
    /// first, so only <paramref name="environment"/> decides what readEnvironmentVariable() sees.
    /// </summary>
    public BicepResult Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("LIVECHAT_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        // Plain diagnostics: no colour escapes in what the tests read.
        startInfo.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        process.WaitForExit();
        return new BicepResult($"bicep {string.Join(' ', arguments)}", process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? AssemblyMetadata(string key) =>
        typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : null;
}
