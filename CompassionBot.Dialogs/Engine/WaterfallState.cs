namespace CompassionBot.Dialogs.Engine;

/// <summary>A waterfall's persisted state: the step it is at and its typed values.</summary>
/// <typeparam name="TState">The waterfall's state record.</typeparam>
/// <param name="StepIndex">Zero-based index of the step that ran last (-1 before the first).</param>
/// <param name="Values">The waterfall's values.</param>
internal sealed record WaterfallState<TState>(int StepIndex, TState Values);
