using DurableTask.Core;

namespace Livechat.Azure.Tests.Durable.Engine;

/// <summary>Creates a fresh instance per execution: orchestration shims hold per-execution state.</summary>
internal sealed class FactoryObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FactoryObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        _create = create;
    }

    public override T Create() => _create();
}
