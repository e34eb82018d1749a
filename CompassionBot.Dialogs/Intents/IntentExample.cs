using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Intents;

/// <summary>One labelled example of an intent, from a content file.</summary>
/// <param name="Intent">What the example means.</param>
/// <param name="Locale">The language folder it comes from (<c>en</c>, <c>es</c>).</param>
/// <param name="Text">The example as written.</param>
/// <param name="File">Its file, relative to the content root.</param>
/// <param name="Line">Its line (1-based).</param>
public sealed record IntentExample(Intent Intent, string Locale, string Text, string File, int Line)
{
    /// <summary>The example in canonical form (<see cref="TextCanonicaliser"/>): what is encoded.</summary>
    public string Canonical { get; } = TextCanonicaliser.Canonicalise(Text);
}
