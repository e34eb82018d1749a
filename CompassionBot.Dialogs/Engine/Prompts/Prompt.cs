using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Base of all prompts: sends the question, recognises the answer, lets the validator (if any) accept or reject it,
/// re-asks with the retry prompt when it is not accepted, and after <see cref="PromptOptions.MaxAttempts"/> answers
/// ends with <see cref="PromptResult{T}.NoAnswer"/>. Ends with a <see cref="PromptResult{T}"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates the prompt.</summary>
    /// <param name="id">Dialog id.</param>
    /// <param name="validator">Decides which answers are accepted; without one, every recognised answer is.</param>
    protected Prompt(string id, PromptValidator<T>? validator = null) : base(id) => _validator = validator;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        }

        CheckAttempts(promptOptions, nameof(options));
        var instance = dc.ActiveDialog!;
        instance.SetState(new PromptState(promptOptions, 0), EngineJsonContext.Default.PromptState);
        await SendPromptAsync(dc.Context, promptOptions, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsMessage)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var state = instance.GetState(EngineJsonContext.Default.PromptState);
        state = state with { AttemptCount = state.AttemptCount + 1 };
        instance.SetState(state, EngineJsonContext.Default.PromptState);
        var recognized = Recognize(dc.Context.Activity, state.Options);
        if (await AcceptsAsync(dc.Context, recognized, state, cancellationToken).ConfigureAwait(false))
        {
            return await dc.EndDialogAsync(new PromptResult<T>(true, recognized.Value), cancellationToken).ConfigureAwait(false);
        }

        if (state.AttemptCount >= state.Options.MaxAttempts)
        {
            return await dc.EndDialogAsync(PromptResult<T>.NoAnswer, cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await SendRetryAsync(dc.Context, state.Options, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
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
        var state = instance.GetState(EngineJsonContext.Default.PromptState);
        return SendPromptAsync(turnContext, state.Options, cancellationToken);
    }

    /// <summary>
    /// Gives a waiting instance of this prompt new options, keeping the answers it has counted: for a parent that words
    /// the question for each turn (the person may switch language mid-question) before the prompt goes on or asks again.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is not a begun instance of this prompt.</exception>
    public void SetOptions(DialogInstance instance, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (instance.Id != Id || !instance.HasState)
        {
            throw new ArgumentException($"'{instance.Id}' is not a waiting instance of prompt '{Id}'.", nameof(instance));
        }

        CheckAttempts(options, nameof(options));
        var state = instance.GetState(EngineJsonContext.Default.PromptState);
        instance.SetState(state with { Options = options }, EngineJsonContext.Default.PromptState);
    }

    /// <summary>Recognises the person's answer.</summary>
    protected abstract PromptRecognition<T> Recognize(Activity activity, PromptOptions options);

    /// <summary>Shapes the question for the channel (choices as buttons or numbered text). The default sends it as is.</summary>
    protected virtual Activity Render(ITurnContext turnContext, Activity prompt, PromptOptions options) => prompt;

    private async Task<bool> AcceptsAsync(ITurnContext turnContext, PromptRecognition<T> recognized, PromptState state, CancellationToken cancellationToken) =>
        _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(turnContext, recognized, state.Options, state.AttemptCount), cancellationToken).ConfigureAwait(false);

    private Task SendPromptAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken) =>
        SendRenderedAsync(turnContext, options.Prompt, options, cancellationToken);

    private async Task SendRetryAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        if (options.RetryPrompt is not { } retry)
        {
            await SendPromptAsync(turnContext, options, cancellationToken).ConfigureAwait(false);
        }
        else if (options.RepeatPromptAfterRetry)
        {
            await turnContext.SendActivityAsync(retry, cancellationToken).ConfigureAwait(false);
            await SendPromptAsync(turnContext, options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendRenderedAsync(turnContext, retry, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendRenderedAsync(ITurnContext turnContext, Activity? prompt, PromptOptions options, CancellationToken cancellationToken)
    {
        if (prompt is null)
        {
            return;
        }

        var rendered = Render(turnContext, prompt, options);
        await turnContext.SendActivityAsync(rendered with { InputHint = rendered.InputHint ?? InputHints.ExpectingInput }, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckAttempts(PromptOptions options, string paramName)
    {
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, "MaxAttempts must be at least 1.");
        }
    }
}
