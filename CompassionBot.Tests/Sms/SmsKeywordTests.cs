using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public abstract class SmsKeywordTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop! ")]
    [InlineData("Unsubscribe")]
    [InlineData("cancel")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("STOPALL")]
    [InlineData("revoke")]
    [InlineData("optout")]
    [InlineData("please stop texting me")]
    public async Task Text_OptOutKeyword_OneConfirmationThenSilenceUntilStart(string keyword)
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var confirmation = await sut.TextAsync(SmsTestHost.Client, keyword);
        var afterwards = await sut.TextAsync(SmsTestHost.Client, "menu");
        var again = await sut.TextAsync(SmsTestHost.Client, "STOP");
        var restart = await sut.TextAsync(SmsTestHost.Client, "START");
        var menu = await sut.TextAsync(SmsTestHost.Client, "menu");

        var text = Assert.Single(confirmation);
        Assert.Contains("unsubscribed", text, StringComparison.Ordinal);
        Assert.Contains("START", text, StringComparison.Ordinal);
        Assert.Empty(afterwards);
        Assert.Empty(again);
        Assert.Contains("Msg & data rates may apply", Assert.Single(restart), StringComparison.Ordinal);
        Assert.NotEmpty(menu);
    }

    [Theory]
    [InlineData("START")]
    [InlineData("unstop")]
    [InlineData("Yes")]
    public async Task Text_OptInKeywordAfterStop_RestoresAndReconfirms(string keyword)
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var replies = await sut.TextAsync(SmsTestHost.Client, keyword);

        var text = Assert.Single(replies);
        Assert.Contains(SmsTestHost.ClinicName, text, StringComparison.Ordinal);
        Assert.Contains("up to 3 msgs/week", text, StringComparison.Ordinal);
        Assert.Contains("HELP", text, StringComparison.Ordinal);
        Assert.Contains("STOP", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("info")]
    [InlineData("Help?")]
    public async Task Text_HelpKeyword_AnswersClinicContactAndEmergencyNumbers(string keyword)
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, keyword);

        var help = replies[0];
        Assert.Contains(SmsTestHost.ClinicName, help, StringComparison.Ordinal);
        Assert.Contains("555-0100", help, StringComparison.Ordinal);
        Assert.Contains("not monitored for emergencies", help, StringComparison.Ordinal);
        Assert.Contains("988", help, StringComparison.Ordinal);
        Assert.Contains("911", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_HelpAndStopFromAUkNumber_NameSamaritansAnd999Not988()
    {
        // A person texting from a UK number: 988 and 911 do not reach anyone there.
        const string ukPhone = "+447400123456";
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(ukPhone, timeZone: "Europe/London");

        var help = Assert.Single(await sut.TextAsync(ukPhone, "HELP"));
        var stop = Assert.Single(await sut.TextAsync(ukPhone, "STOP"));

        Assert.All([help, stop], text =>
        {
            Assert.Contains("Samaritans on 116 123", text, StringComparison.Ordinal);
            Assert.Contains("call 999", text, StringComparison.Ordinal);
            Assert.DoesNotContain("988", text, StringComparison.Ordinal);
            Assert.DoesNotContain("911", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Text_HelpWhileOptedOut_IsStillAnswered()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var replies = await sut.TextAsync(SmsTestHost.Client, "HELP");

        Assert.Contains("988", Assert.Single(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_StopDuringPractice_OptsOutInsteadOfEndingThePractice()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "menu");
        await sut.TextAsync(SmsTestHost.Client, "1");

        var replies = await sut.TextAsync(SmsTestHost.Client, "stop");

        Assert.Contains("unsubscribed", Assert.Single(replies), StringComparison.Ordinal);
    }
}
