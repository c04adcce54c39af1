namespace Livechat.Infra.Tests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding infra/, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder containing infra/ above {AppContext.BaseDirectory}.");
    }
}
