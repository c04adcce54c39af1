namespace Livechat.Benchmark;

/// <summary>
/// What the command line asked for: the run's options, the Azurite it uses, where the report goes, the command
/// the report names as its origin, and whether this is the smoke check (bounded tighter, writes nothing).
/// </summary>
public sealed record BenchmarkArguments(BenchmarkOptions Options, AzuriteEndpoints Azurite, string Output, string Command, bool Smoke);
