using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (saved in its state) starting with
/// <see cref="InitialDialogId"/>, and ends with the inner stack's result.
/// </summary>
public class ComponentDialog : Dialog
{
    private readonly DialogSet _dialogs = new();

    /// <summary>Creates the component.</summary>
    public ComponentDialog(string id) : base(id) { }

    /// <summary>The inner dialog that begins first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; protected set; }

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, new DialogState());
        var result = await inner.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(dc, inner, result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, LoadInner(dc.ActiveDialog!));
        var result = await inner.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        return await FinishAsync(dc, inner, result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = new DialogContext(_dialogs, turnContext, LoadInner(instance), parent: null);
        return inner.RepromptDialogAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(_dialogs, turnContext, LoadInner(instance), parent: null);
            await inner.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private DialogContext CreateInnerContext(DialogContext outer, DialogState state) => new(_dialogs, outer.Context, state, outer);

    private static DialogState LoadInner(DialogInstance instance) =>
        instance.HasState ? instance.GetState(EngineJsonContext.Default.DialogState) : new DialogState();

    private static async Task<DialogTurnResult> FinishAsync(DialogContext outer, DialogContext inner, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status == DialogTurnStatus.Waiting)
        {
            outer.ActiveDialog!.SetState(inner.State, EngineJsonContext.Default.DialogState);
            return result;
        }

        return await outer.EndDialogAsync(result.Result, cancellationToken).ConfigureAwait(false);
    }
}
