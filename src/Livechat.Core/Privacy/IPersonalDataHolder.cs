namespace Livechat.Core.Privacy;

/// <summary>
/// One place that stores personal data (a table): it exports and erases its rows under a <see cref="SubjectScope"/>.
/// Every table is either a holder or declared free of personal data, and a test checks that none is forgotten.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The table's name, the export's section.</summary>
    string Name { get; }

    /// <summary>The rows under the scope, each as its stored properties.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(SubjectScope scope, CancellationToken cancellationToken);

    /// <summary>Deletes the rows under the scope; how many went (none on a second call).</summary>
    Task<int> EraseAsync(SubjectScope scope, CancellationToken cancellationToken);
}
