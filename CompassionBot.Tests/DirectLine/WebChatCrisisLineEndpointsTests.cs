using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// <c>GET /api/webchat/crisis-line</c>, which fills the web chat page's "If you need help now" panel: the same lines
/// the bot gives a Direct Line client in that locale.
/// </summary>
public sealed class WebChatCrisisLineEndpointsTests
{
    [Theory]
    [InlineData("US", "es-ES", "US", "llama o escribe AYUDA al 988", "llama al 911")]
    [InlineData("US", "es-MX", "US", "llama o escribe AYUDA al 988", "llama al 911")]
    [InlineData("US", "es", "US", "llama o escribe AYUDA al 988", "llama al 911")]
    [InlineData("US", "en", "US", "call or text 988", "call 911")]
    [InlineData("US", "en-GB", "GB", "call Samaritans on 116 123", "call 999")]
    [InlineData("GB", "en-GB", "GB", "call Samaritans on 116 123", "call 999")]
    [InlineData("GB", "en-US", "US", "call or text 988", "call 911")]
    [InlineData("FR", "fr-FR", "FR", "visit findahelpline.com", "call emergency services")]
    public async Task Get_Locale_NamesTheLinesTheBotGivesForTheClinicRegionOrTheLocalesOwn(
        string clinicRegion, string locale, string region, string crisisLine, string emergencyLine)
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Clinic:Region"] = clinicRegion });
        using var sut = factory.CreateClient();

        using var response = await sut.GetAsync($"/api/webchat/crisis-line?locale={Uri.EscapeDataString(locale)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadObjectAsync(response);
        Assert.Equal(region, (string?)body["region"]);
        Assert.Equal(crisisLine, (string?)body["crisisLine"]);
        Assert.Equal(emergencyLine, (string?)body["emergencyLine"]);
    }

    [Fact]
    public async Task Get_NoLocale_NamesTheClinicRegionsLinesInEnglish()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Clinic:Region"] = "GB" });
        using var sut = factory.CreateClient();

        var body = await sut.GetFromJsonAsync<JsonObject>("/api/webchat/crisis-line", TestContext.Current.CancellationToken);

        Assert.Equal("GB", (string?)body!["region"]);
        Assert.Equal("call Samaritans on 116 123", (string?)body["crisisLine"]);
    }
}
