using CompassionBot.Dialogs.State;

namespace CompassionBot.Tests.Storage;

/// <summary>The storage contract against <see cref="MemoryStorage"/> (one shared instance plays every "process").</summary>
public sealed class MemoryStorageTests : StorageContractTests
{
    private readonly MemoryStorage _store = new();

    private protected override IStorage OpenStorage() => _store;
}
