namespace Livechat.Core.CannedResponses;

/// <summary>The canned responses of each department.</summary>
public interface ICannedResponseStore
{
    /// <summary>The department's responses, by shortcut.</summary>
    Task<IReadOnlyList<CannedResponse>> ListAsync(string department, CancellationToken cancellationToken);

    /// <summary>Creates the response or replaces the one with its shortcut.</summary>
    Task SaveAsync(CannedResponse response, CancellationToken cancellationToken);

    /// <summary>False when there was none.</summary>
    Task<bool> DeleteAsync(string department, string shortcut, CancellationToken cancellationToken);
}
