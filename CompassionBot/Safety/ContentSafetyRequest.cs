namespace CompassionBot.Safety;

/// <summary>Body of <c>POST /contentsafety/text:analyze</c>: the text and the categories to analyse.</summary>
internal sealed record ContentSafetyRequest(string Text, IReadOnlyList<string> Categories, string OutputType)
{
    /// <summary>The most Unicode code points the service analyses in one request.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>The self-harm category.</summary>
    public const string SelfHarm = "SelfHarm";

    /// <summary>The violence category.</summary>
    public const string Violence = "Violence";

    private static readonly string[] Screened = [SelfHarm, Violence];

    /// <summary>A request for <paramref name="text"/>, cut to <see cref="MaxTextLength"/> code points.</summary>
    public static ContentSafetyRequest For(string text) => new(Cut(text), Screened, "FourSeverityLevels");

    // The service counts code points and rejects longer text; a cut never splits a surrogate pair.
    private static string Cut(string text)
    {
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        var end = 0;
        for (var codePoints = 0; codePoints < MaxTextLength && end < text.Length; codePoints++)
        {
            end += char.IsSurrogatePair(text, end) ? 2 : 1;
        }

        return text[..end];
    }
}
