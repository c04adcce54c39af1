using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// A recipe row: PK = recipe id, RK = "v" + zero-padded version for each immutable version (Json holds it),
/// and RK = "latest" pointing at the newest version; its ETag hands out version numbers. RK = "draft": the editor's
/// unpublished work (Json, UpdatedAt). A preview snapshot is version 1 of its own partition ("~preview-…", ExpiresAt).
/// </summary>
internal sealed class RecipeEntity : ITableEntity
{
    public const string LatestKey = "latest";
    /// <summary>The partition of deployment-wide recipe settings; '~' cannot occur in a recipe id.</summary>
    public const string SettingsPartition = "~settings";
    public const string DefaultKey = "default";
    public const string DraftKey = "draft";
    /// <summary>Version rows sort from "v00000001"; "w" bounds their key range.</summary>
    public const string VersionKeysFrom = "v";
    public const string VersionKeysTo = "w";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    /// <summary>On the "latest" row: the recipe was deleted for new rooms (the row stays to keep numbering versions).</summary>
    public bool Deleted { get; set; }
    /// <summary>
    /// On the "latest" row: pages may choose the recipe with setRecipe. A setting of the recipe, not of a version, so
    /// it lives on the one row every save replaces (and carries over); rows written before it existed read as false.
    /// </summary>
    public bool Public { get; set; }
    /// <summary>On the settings row: the default recipe chosen in the dashboard.</summary>
    public string? DefaultRecipeId { get; set; }
    public string? Json { get; set; }
    /// <summary>On the draft row: when the editor last saved it.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>On a preview snapshot: the recipe it was taken from, and when it stops starting chats.</summary>
    public string? PreviewOf { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public static string KeyOf(int version) => $"v{version:D8}";
}
