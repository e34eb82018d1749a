namespace CompassionBot.Safety;

/// <summary>Body of <c>POST /language/:analyze-text</c> for sentiment analysis.</summary>
internal sealed record AzureSentimentRequest(string Kind, AzureAnalysisInput AnalysisInput)
{
    public static AzureSentimentRequest For(string text, string language) =>
        new("SentimentAnalysis", new AzureAnalysisInput([new AzureTextDocument("1", language, text)]));
}
