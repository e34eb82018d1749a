using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine;

/// <summary>Dialogs by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="dialog"/>; ids must be unique.</summary>
    /// <exception cref="ArgumentException">A dialog with the same id was added already.</exception>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    /// <summary>The dialog with <paramref name="id"/>, or null.</summary>
    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    /// <summary>Creates the context that drives <paramref name="state"/> for this turn.</summary>
    public DialogContext CreateContext(ITurnContext turnContext, DialogState state) => new(this, turnContext, state);
}
