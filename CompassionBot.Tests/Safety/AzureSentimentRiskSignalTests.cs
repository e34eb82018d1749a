using System.Globalization;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Safety;

/// <summary>The optional Azure AI Language signal, against a loopback fake of the REST API.</summary>
public sealed class AzureSentimentRiskSignalTests
{
    private static readonly SafetyAssessment Borderline = new(RiskLevel.None, ["mood"]);

    [Fact]
    public async Task RaiseAsync_StronglyNegativeBorderline_RaisesToConcern()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.Sentiment, 0.97, ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));
        var sut = services.GetRequiredService<IRiskSignal>();

        var level = await sut.RaiseAsync("I feel so empty", "es-MX", Borderline, ct);

        Assert.Equal(RiskLevel.Concern, level);
        Assert.Equal("test-key", fake.LastKey);
        Assert.Contains("\"kind\":\"SentimentAnalysis\"", fake.LastBody, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"es\"", fake.LastBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_MildlyNegativeBorderline_KeepsNone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.Sentiment, 0.6, ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await services.GetRequiredService<IRiskSignal>().RaiseAsync("I feel sad", "en", Borderline, ct);

        Assert.Equal(RiskLevel.None, level);
    }

    [Theory]
    [InlineData(RiskLevel.Crisis)]
    [InlineData(RiskLevel.Concern)]
    public async Task RaiseAsync_AlreadyFlagged_NeverLowersAndDoesNotCall(RiskLevel local)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.Sentiment, 0.0, ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await services.GetRequiredService<IRiskSignal>().RaiseAsync("text", "en", new SafetyAssessment(local, ["x"]), ct);

        Assert.Equal(local, level);
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public async Task RaiseAsync_CalmMessage_IsNotSentToTheCloud()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.Sentiment, 0.99, ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await services.GetRequiredService<IRiskSignal>().RaiseAsync("ok", "en", SafetyAssessment.Safe, ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public async Task RaiseAsync_ServerError_RetriesThenLocalLevelStands()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.ServerError, 0, ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await services.GetRequiredService<IRiskSignal>().RaiseAsync("I feel empty", "en", Borderline, ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Equal(3, fake.Requests);
    }

    [Fact]
    public async Task RaiseAsync_SlowService_TimesOutAndLocalLevelStands()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAzureLanguageServer.StartAsync(FakeAzureLanguageServer.Behaviour.Hang, 0, ct);

        // A short real timeout keeps the test fast; the production default is 2 s.
        await using var services = Services(fake.Endpoint, TimeSpan.FromMilliseconds(200));

        var level = await services.GetRequiredService<IRiskSignal>().RaiseAsync("I feel empty", "en", Borderline, ct);

        Assert.Equal(RiskLevel.None, level);
    }

    [Fact]
    public void AddCrisisDetection_NotConfigured_UsesNoRiskSignal()
    {
        using var services = Services(endpoint: null, TimeSpan.FromSeconds(2));

        Assert.IsType<NoRiskSignal>(services.GetRequiredService<IRiskSignal>());
    }

    [Fact]
    public void AddCrisisDetection_MalformedContent_FailsWhenResolved()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        using var services = Services(endpoint: null, TimeSpan.FromSeconds(2), root);

        Assert.Throws<ContentValidationException>(() => services.GetRequiredService<ICrisisDetector>());
    }

    private static ServiceProvider Services(Uri? endpoint, TimeSpan timeout, string? contentRoot = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{ContentOptions.SectionName}:RootPath"] = contentRoot ?? SafetyContent.ContentRoot,
            [$"{AzureLanguageOptions.SectionName}:Endpoint"] = endpoint?.ToString(),
            [$"{AzureLanguageOptions.SectionName}:Key"] = endpoint is null ? null : "test-key",
            [$"{AzureLanguageOptions.SectionName}:Timeout"] = timeout.ToString("c", CultureInfo.InvariantCulture),
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCrisisDetection();
        return services.BuildServiceProvider();
    }
}
