using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>The safety gate's verdict on a turn's message, kept in the turn's <see cref="ITurnContext.Values"/>.</summary>
public static class TurnContextSafety
{
    extension(ITurnContext turnContext)
    {
        /// <summary>
        /// The verdict on this turn's message, or null before the gate screened it. A message with text cannot be
        /// answered until it is set (<see cref="SafetyGateMiddleware"/>); the error handler's context shares it, so a
        /// verdict the error handler gives is the turn's.
        /// </summary>
        public SafetyAssessment? Safety
        {
            get => turnContext.Values.Get<SafetyAssessment>();
            set => turnContext.Values.Set(value);
        }

        /// <summary>Whether the inbound activity carries text the gate must see before any reply: a message, or an edit of one.</summary>
        public bool NeedsScreening => turnContext.Activity.IsMessageOrEdit && !string.IsNullOrWhiteSpace(turnContext.Activity.Text);
    }
}
