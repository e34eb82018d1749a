using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>A labelled message with the rules' verdict alone and the whole screen's.</summary>
/// <param name="Message">The message.</param>
/// <param name="RulesAlone">The rules' level.</param>
/// <param name="Screen">The rules and the semantic layer together.</param>
internal sealed record Verdict(PreparedMessage Message, RiskLevel RulesAlone, RiskLevel Screen);
