namespace Livechat.Core.CustomFields;

/// <summary>Custom fields, one partition per owner so reading every field of a scope is one partition query.</summary>
public interface ICustomFieldStore
{
    Task<IReadOnlyList<CustomField>> ListAsync(FieldOwner owner, CancellationToken cancellationToken);

    Task SetAsync(FieldOwner owner, CustomField field, CancellationToken cancellationToken);

    /// <summary>Copies every field of <paramref name="from"/> to <paramref name="to"/>, overwriting same keys; optionally deletes the source.</summary>
    Task CopyAsync(FieldOwner from, FieldOwner to, bool deleteSource, CancellationToken cancellationToken);
}
