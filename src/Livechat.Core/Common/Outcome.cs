namespace Livechat.Core.Common;

/// <summary>
/// The result of a core operation: a value, or a problem that a host turns into an RFC 7807 response.
/// The core returns problems instead of throwing so that hosts map them the same way.
/// </summary>
public readonly record struct Outcome<T>
{
    public T? Value { get; }
    public Problem? Problem { get; }
    public bool IsSuccess => Problem is null;

    private Outcome(T? value, Problem? problem) { Value = value; Problem = problem; }

    public static Outcome<T> Ok(T value) => new(value, null);
    public static implicit operator Outcome<T>(T value) => Ok(value);
    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}
