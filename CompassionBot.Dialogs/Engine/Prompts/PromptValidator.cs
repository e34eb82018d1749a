namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Decides whether a prompt accepts an answer, after the prompt has tried to recognise it (Bot Builder's
/// <c>PromptValidator&lt;T&gt;</c>). True ends the prompt with the answer; false asks again with the retry prompt, or
/// ends with <see cref="PromptResult{T}.NoAnswer"/> after <see cref="PromptOptions.MaxAttempts"/> answers. A validator
/// that replies itself takes the place of the retry prompt. Registered with the prompt: <c>new ChoicePrompt(id, validator)</c>.
/// </summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
/// <param name="promptContext">The answer: what was recognised, the attempt count and the prompt's options.</param>
/// <param name="cancellationToken">Cancels the validation.</param>
/// <returns>True to accept the answer.</returns>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
