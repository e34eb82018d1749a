namespace CompassionBot.Clinicians.Console;

/// <summary>
/// The console's texts (<c>ConsoleText.resx</c>, English only: the console is for clinic staff), read through
/// <c>IStringLocalizer&lt;ConsoleText&gt;</c>.
/// </summary>
#pragma warning disable CA1812 // Never instantiated: it names the resource file for the localizer.
internal sealed class ConsoleText;
#pragma warning restore CA1812
