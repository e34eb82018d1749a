using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.Engine;

/// <summary>
/// Runs steps in order. A step returns <see cref="Dialog.EndOfTurn"/> (or a prompt's result) to wait for the person,
/// calls <see cref="WaterfallStepContext{TState}.NextAsync"/> to go straight on, or ends the dialog. The state
/// record <typeparamref name="TState"/> is typed and saved with the stack; non-message activities never advance it.
/// </summary>
public class WaterfallDialog<TState> : Dialog
{
    private readonly List<WaterfallStep<TState>> _steps;
    private readonly JsonTypeInfo<WaterfallState<TState>> _stateTypeInfo;
    private readonly Func<object?, TState> _createState;

    /// <summary>Creates the waterfall.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="steps">The steps, in the order they run.</param>
    /// <param name="typeInfo">Serialisation metadata of the state record.</param>
    /// <param name="createState">Makes the initial state from the begin options.</param>
    public WaterfallDialog(string id, IEnumerable<WaterfallStep<TState>> steps, JsonTypeInfo<TState> typeInfo, Func<object?, TState> createState)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(createState);
        _steps = [.. steps];
        _stateTypeInfo = WaterfallStateJsonConverter<TState>.CreateTypeInfo(typeInfo);
        _createState = createState;
    }

    /// <summary>Creates a waterfall whose steps a derived class adds with <see cref="AddStep"/> (so steps can be its own methods).</summary>
    protected WaterfallDialog(string id, JsonTypeInfo<TState> typeInfo, Func<object?, TState> createState)
        : this(id, [], typeInfo, createState)
    {
    }

    /// <summary>Appends a step; call in the constructor, in the order the steps run.</summary>
    protected void AddStep(WaterfallStep<TState> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        Save(dc.ActiveDialog!, -1, _createState(options));
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.IsMessage
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var (index, _) = Load(dc.ActiveDialog!);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        var (_, values) = Load(instance);
        var step = new WaterfallStepContext<TState>(this, dc, index, reason, result, values);
        Save(instance, index, values);
        var turnResult = await _steps[index](step, cancellationToken).ConfigureAwait(false);
        SaveStepValues(dc, instance, step);
        return turnResult;
    }

    /// <summary>Keeps a step's state changes, unless the dialog ended or a later step already ran (and saved).</summary>
    internal void SaveStepValues(DialogContext dc, DialogInstance instance, WaterfallStepContext<TState> step)
    {
        if (dc.Stack.Contains(instance) && Load(instance).Index == step.Index)
        {
            Save(instance, step.Index, step.Values);
        }
    }

    /// <summary>Reads the typed state of a running instance of this waterfall (for clean-up in <see cref="Dialog.EndDialogAsync"/>).</summary>
    protected TState ReadValues(DialogInstance instance) => Load(instance).Values;

    /// <summary>The index of the step a running instance of this waterfall is at (for <see cref="Dialog.RewordChild"/>).</summary>
    protected int ReadStepIndex(DialogInstance instance) => Load(instance).Index;

    private (int Index, TState Values) Load(DialogInstance instance)
    {
        if (!instance.HasState)
        {
            throw new InvalidOperationException($"Waterfall '{Id}' has no state.");
        }

        var state = instance.GetState(_stateTypeInfo);
        return (state.StepIndex, state.Values);
    }

    private void Save(DialogInstance instance, int index, TState values) =>
        instance.SetState(new WaterfallState<TState>(index, values), _stateTypeInfo);
}
