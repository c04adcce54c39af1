namespace Livechat.Core.Privacy;

/// <summary>Finds the keys of a subject's data: its user row, the sessions and rooms of its id and of its visitors.</summary>
public interface ISubjectLocator
{
    Task<SubjectScope> LocateAsync(DataSubject subject, CancellationToken cancellationToken);
}
