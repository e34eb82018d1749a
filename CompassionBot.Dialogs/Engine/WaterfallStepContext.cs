namespace CompassionBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: its index, the previous step's result and the waterfall's typed state.</summary>
/// <typeparam name="TState">The waterfall's state record, persisted between turns.</typeparam>
public sealed class WaterfallStepContext<TState> : DialogContext
{
    private readonly WaterfallDialog<TState> _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog<TState> parent, DialogContext dc, int index, DialogReason reason, object? result, TState state)
        : base(dc.Dialogs, dc.Context, dc.State)
    {
        _parent = parent;
        Index = index;
        Reason = reason;
        Result = result;
        Values = state;
    }

    /// <summary>Zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Why the step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's or child dialog's result (a prompt's <see cref="Prompts.PromptResult{T}"/>, the text of a message, ...).</summary>
    public object? Result { get; }

    /// <summary>The waterfall's typed state; assign a changed copy to keep it (it is saved after every step).</summary>
    public TState Values { get; set; }

    /// <summary>Runs the next step now, without waiting for the person.</summary>
    /// <exception cref="InvalidOperationException">Called twice in one step.</exception>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_parent.Id}'.");
        }

        _nextCalled = true;
        _parent.SaveStepValues(this, ActiveDialog!, this);
        return _parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
