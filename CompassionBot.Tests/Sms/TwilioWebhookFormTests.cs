using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CompassionBot.Hosting;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Sms;

/// <summary>
/// Hostile or broken posts to the Twilio webhook, through the real endpoint: each is answered 400, 403, 413 or 415 with
/// an empty body, before anything is processed and with nothing logged as an error; a signed message with odd bytes
/// is handled.
/// </summary>
public abstract class TwilioWebhookFormTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Post_MoreThan1024FieldsSigned_Is400()
    {
        await using var sut = await StartAsync(Monday);
        var form = Message("hi");
        for (var i = 0; i < 1025; i++)
        {
            form[$"Extra{i}"] = "x";
        }

        using var response = await sut.PostFormAsync(form);

        await AssertRefusedAsync(sut, response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_KeyOver2048CharactersSigned_Is400()
    {
        await using var sut = await StartAsync(Monday);
        var form = Message("hi");
        form[new string('k', 2049)] = "x";

        using var response = await sut.PostFormAsync(form);

        await AssertRefusedAsync(sut, response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_ValueOver4MegabytesSigned_Is413()
    {
        await using var sut = await StartAsync(Monday);

        using var response = await sut.PostFormAsync(Message(new string('a', (4 * 1024 * 1024) + 1)));

        await AssertRefusedAsync(sut, response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ValueOver4MegabytesUnsigned_Is403BeforeTheBodyIsRead()
    {
        await using var sut = await StartAsync(Monday);

        using var response = await sut.PostFormAsync(Message(new string('a', (4 * 1024 * 1024) + 1)), signed: false);

        await AssertRefusedAsync(sut, response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=xyz")]
    public async Task Post_MalformedOrBoundarylessMultipart_Is415(string contentType)
    {
        await using var sut = await StartAsync(Monday);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await sut.PostWebhookAsync(content, "bm90IHRoZSBzaWduYXR1cmU=");

        await AssertRefusedAsync(sut, response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_NulInAValueWrongSignature_Is403()
    {
        await using var sut = await StartAsync(Monday);

        using var response = await sut.PostFormAsync(Message("hi\0there"), signature: "bm90IHRoZSBzaWduYXR1cmU=");

        await AssertRefusedAsync(sut, response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_NulInAValueSigned_Is400()
    {
        await using var sut = await StartAsync(Monday);

        using var response = await sut.PostFormAsync(Message("hi\0there"));

        await AssertRefusedAsync(sut, response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SignedMessageWithOddBytes_IsHandled()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        using var encoded = new FormUrlEncodedContent(Message("\u0001\u001b[2J \u202Ehi \U0001F600 \r\n\t"));
        var body = await encoded.ReadAsStringAsync(TestContext.Current.CancellationToken) + "&Odd=%FF%FE%C3&Bare=%&Plus=a+b";

        // Signed over the fields as a form parser reads them (invalid UTF-8 and a bare % included), as Twilio signs what it sent.
        using var reader = new FormReader(body);
        var fields = (await reader.ReadFormAsync(TestContext.Current.CancellationToken)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await sut.PostWebhookAsync(content, TwilioSignature.Compute(SmsTestHost.AuthToken, SmsTestHost.PublicBaseUrl + SmsEndpoints.WebhookPath, fields));
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmsWebhookHandler.EmptyTwiml, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(sut.Twilio.BodiesTo(SmsTestHost.Client));
        AssertNoErrorLogged(sut);
    }

    private static Dictionary<string, string> Message(string body) => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = SmsTestHost.AccountSid,
        ["MessageSid"] = "SMhostile",
        ["From"] = SmsTestHost.Client,
        ["To"] = SmsTestHost.BotNumber,
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    private static async Task AssertRefusedAsync(SmsTestHost sut, HttpResponseMessage response, HttpStatusCode expected)
    {
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(sut.Twilio.Attempts);
        AssertNoErrorLogged(sut);

        // The refused MessageSid was not recorded: the same message, correctly sent, is still handled.
        Assert.NotEmpty(await sut.TextAsyncWithSid(SmsTestHost.Client, "hi", "SMhostile"));
    }

    private static void AssertNoErrorLogged(SmsTestHost sut) =>
        Assert.DoesNotContain(sut.Logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
}
