namespace CompassionBot.Dialogs.Engine;

/// <summary>One step of a <see cref="WaterfallDialog{TState}"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken);
