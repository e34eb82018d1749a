using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine;

/// <summary>Drives a dialog stack for one turn.</summary>
public class DialogContext
{
    /// <summary>Creates a context over <paramref name="state"/>.</summary>
    public DialogContext(DialogSet dialogs, ITurnContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = context;
        State = state;
    }

    /// <summary>The dialogs this context can start.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The stack being driven.</summary>
    public DialogState State { get; }

    /// <summary>The stack, top first.</summary>
    public IReadOnlyList<DialogInstance> Stack => State.DialogStack;

    /// <summary>The top of the stack, or null.</summary>
    public DialogInstance? ActiveDialog => State.DialogStack.Count > 0 ? State.DialogStack[0] : null;

    /// <summary>Pushes dialog <paramref name="dialogId"/> and begins it.</summary>
    /// <exception cref="ArgumentException">No dialog with that id is in the set.</exception>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = FindDialog(dialogId) ?? throw new ArgumentException($"No dialog '{dialogId}' in this set.", nameof(dialogId));
        State.DialogStack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Gives the person's activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        RewordActive();
        return await ResolveActive(instance).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog with <paramref name="result"/> and resumes its parent (or completes the stack).</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parent)
        {
            return await ResolveActive(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog without resuming its parent and begins <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on the stack.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (ActiveDialog is not null)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is { } instance)
        {
            RewordActive();
            await ResolveActive(instance).RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finds a dialog in this context's set.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    private void RewordActive()
    {
        if (Stack.Count > 1)
        {
            ResolveActive(Stack[1]).RewordChild(this, Stack[1]);
        }
    }

    private Dialog ResolveActive(DialogInstance instance) =>
        FindDialog(instance.Id) ?? throw new InvalidOperationException($"The stack holds '{instance.Id}', which is not a known dialog.");

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        var dialog = FindDialog(instance.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        State.DialogStack.RemoveAt(0);
    }
}
