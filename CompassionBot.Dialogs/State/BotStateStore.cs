using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.State;

/// <summary>
/// Loads a turn's state documents and commits them in one atomic, ETag-checked write, telling
/// <see cref="StorageWriteHealth"/> (when given) whether the store took it.
/// </summary>
public sealed class BotStateStore
{
    private readonly IStorage _storage;
    private readonly StorageWriteHealth? _writeHealth;

    /// <summary>Creates the store over <paramref name="storage"/>; each commit's outcome goes to <paramref name="writeHealth"/> when given.</summary>
    public BotStateStore(IStorage storage, StorageWriteHealth? writeHealth = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _writeHealth = writeHealth;
    }

    /// <summary>
    /// Reads the conversation, user and deliveries documents for <paramref name="activity"/> (one read), through <paramref name="turnStorage"/>
    /// when the turn's lease has one (<see cref="Turns.IConversationLease.Storage"/>), otherwise the store's own.
    /// </summary>
    public async Task<TurnState> LoadAsync(Activity activity, IStorage? turnStorage, CancellationToken cancellationToken)
    {
        var conversationKey = StateKeys.Conversation(activity);
        var userKey = StateKeys.User(activity);
        var deliveriesKey = StateKeys.Deliveries(activity);
        var items = await (turnStorage ?? _storage).ReadAsync([conversationKey, userKey, deliveriesKey], cancellationToken).ConfigureAwait(false);
        return new TurnState(Open(conversationKey, items), Open(userKey, items)) { Deliveries = Open(deliveriesKey, items) };
    }

    /// <summary>
    /// Writes the changed documents atomically, through <paramref name="turnStorage"/> when the turn's lease has one.
    /// Throws <see cref="StorageConcurrencyException"/> when another turn (in another process) committed first; the
    /// caller then runs the turn again on fresh state.
    /// </summary>
    public async Task SaveAsync(TurnState state, IStorage? turnStorage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changed = new[] { state.Conversation, state.User, state.Deliveries }.OfType<StateDocument>().Where(d => d.IsDirty).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            await CommitAsync(turnStorage ?? _storage, changed, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            // The store answered: it takes writes, this one only lost a race.
            _writeHealth?.RecordSuccess();
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _writeHealth?.RecordFailure();
            throw;
        }

        _writeHealth?.RecordSuccess();
    }

    private static async Task CommitAsync(IStorage storage, List<StateDocument> changed, CancellationToken cancellationToken)
    {
        var deletes = changed.Where(d => d.IsDeleted).Select(d => d.Key).ToList();
        var writes = changed.Where(d => !d.IsDeleted).ToDictionary(d => d.Key, d => new StoreItem(d.ToJson(), d.ETag), StringComparer.Ordinal);
        if (writes.Count > 0)
        {
            var etags = await storage.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
            foreach (var document in changed.Where(d => !d.IsDeleted))
            {
                document.MarkCommitted(etags[document.Key]);
            }
        }

        if (deletes.Count > 0)
        {
            await storage.DeleteAsync(deletes, cancellationToken).ConfigureAwait(false);
        }
    }

    private static StateDocument Open(string key, IReadOnlyDictionary<string, StoreItem> items) =>
        items.TryGetValue(key, out var item) ? new StateDocument(key, item.Json, item.ETag) : new StateDocument(key, null, null);
}
