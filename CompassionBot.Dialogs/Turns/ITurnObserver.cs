namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Told of every turn once it has ended (after any retries and the error handler, with its replies delivered or not)
/// while the turn's span is still open: where the parts above the turn pipeline add their own tags and measurements.
/// </summary>
public interface ITurnObserver
{
    /// <summary>Called once per turn that ran; must not throw.</summary>
    /// <param name="turnContext">The turn as it ended (the error handler's verdicts included).</param>
    /// <param name="span">The turn's span, or null when nobody listens to traces.</param>
    void OnTurnEnded(ITurnContext turnContext, System.Diagnostics.Activity? span);
}
