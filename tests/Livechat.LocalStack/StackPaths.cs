namespace Livechat.LocalStack;

/// <summary>Where the repository, the app's build output and the two source-built tools are.</summary>
public static class StackPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these binaries were built with (Debug or Release), so the app matches.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string FunctionsAppDirectory => Path.Combine(Root, "src", "Livechat.Functions", "bin", Configuration, "net10.0");

    /// <summary>The Functions host built by <c>shared/functions-host/build.sh</c> (scripts/stack.sh builds it).</summary>
    public static string FunctionsHostDirectory => FromEnvironment("FUNCTIONS_HOST_DIR", "functions-host");

    /// <summary>The SignalR Service emulator built by <c>shared/signalr-emulator/build.sh</c>.</summary>
    public static string SignalREmulatorDirectory => FromEnvironment("SIGNALR_EMULATOR_DIR", "signalr-emulator");

    /// <summary>
    /// The script that runs that host for an app (it execs the host, so its PID is the host's): the repository's
    /// wrapper, which gives the host its keys before shared/functions-host/run.sh starts it.
    /// </summary>
    public static string FunctionsHostRunScript =>
        Environment.GetEnvironmentVariable("FUNCTIONS_HOST_RUN") is { Length: > 0 } set
            ? set
            : Path.Combine(Root, "scripts", "functions-host.sh");

    public static string AzuriteExecutable => Path.Combine(Root, "node_modules", ".bin", "azurite");

    private static string FromEnvironment(string variable, string cacheFolder)
    {
        var directory = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "livechat", cacheFolder);
        return Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException($"{directory} does not exist: run scripts/stack.sh build (or set {variable}).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
