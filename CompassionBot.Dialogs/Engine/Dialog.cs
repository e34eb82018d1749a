using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine;

/// <summary>A unit of conversation that can sit on the dialog stack.</summary>
public abstract class Dialog
{
    /// <summary>Creates the dialog with its id.</summary>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The result that means "wait for the person's next message".</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    /// <summary>The dialog's id, unique within its <see cref="DialogSet"/>.</summary>
    public string Id { get; }

    /// <summary>Starts the dialog; it was just pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Handles the person's next activity. The default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog ended with <paramref name="result"/>. The default ends this dialog with it.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks again whatever the dialog is waiting for. The default does nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called before the dialog this one waits on (<see cref="DialogContext.ActiveDialog"/>, its child) is asked again or
    /// given the person's answer: a dialog that began a prompt can word the prompt's question for this turn, because the
    /// person may have switched language since it was asked. <paramref name="instance"/> is this dialog's own instance.
    /// The default does nothing.
    /// </summary>
    public virtual void RewordChild(DialogContext dc, DialogInstance instance)
    {
    }

    /// <summary>Called when the dialog leaves the stack, for clean-up. The default does nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
