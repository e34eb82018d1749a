using System.Globalization;

namespace CompassionBot.Training;

/// <summary>How the recognizer did on a set of labelled messages (shares of all of them).</summary>
/// <param name="Messages">How many.</param>
/// <param name="Accuracy">Share read as what they mean.</param>
/// <param name="Abstained">Share that mean something and got no intent (the bot asks again).</param>
/// <param name="WrongIntent">Share given an intent they do not have.</param>
/// <param name="WrongChoice">Share taken as picking a practice they did not pick.</param>
internal sealed record IntentMetrics(int Messages, double Accuracy, double Abstained, double WrongIntent, double WrongChoice)
{
    /// <summary>The markdown table header matching <see cref="Row"/>.</summary>
    public const string Header = "| set | language | messages | accuracy | abstained | wrong intent | wrong choice |\n|---|---|---:|---:|---:|---:|---:|";

    /// <summary>Measures <paramref name="outcomes"/>.</summary>
    public static IntentMetrics Of(IReadOnlyCollection<IntentOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        double Share(Func<IntentOutcome, bool> counted) => outcomes.Count == 0 ? 0 : (double)outcomes.Count(counted) / outcomes.Count;
        return new IntentMetrics(outcomes.Count, Share(o => o.Correct), Share(o => o.Abstained), Share(o => o.WrongIntent), Share(o => o.WrongChoice));
    }

    /// <summary>One markdown table row.</summary>
    public string Row(string set, string language) =>
        string.Create(CultureInfo.InvariantCulture, $"| {set} | {language} | {Messages} | {Accuracy:F3} | {Abstained:F3} | {WrongIntent:F3} | {WrongChoice:F3} |");
}
