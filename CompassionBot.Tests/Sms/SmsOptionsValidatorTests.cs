using CompassionBot.Sms;

namespace CompassionBot.Tests.Sms;

public sealed class SmsOptionsValidatorTests
{
    private static SmsOptions Complete() => new()
    {
        PublicBaseUrl = "https://bot.clinic.example",
        Twilio = new TwilioOptions { AccountSid = "AC123", AuthToken = "token", PhoneNumber = "+14155550100" },
    };

    [Fact]
    public void Validate_NothingConfigured_SucceedsWithSmsOff()
    {
        var options = new SmsOptions();

        var sut = new SmsOptionsValidator().Validate(null, options);

        Assert.True(sut.Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_Complete_Succeeds()
    {
        var sut = new SmsOptionsValidator().Validate(null, Complete());

        Assert.True(sut.Succeeded);
    }

    [Fact]
    public void Validate_OnlyAuthToken_FailsNamingTheMissingSettings()
    {
        var sut = new SmsOptionsValidator().Validate(null, new SmsOptions { Twilio = new TwilioOptions { AuthToken = "token" } });

        Assert.True(sut.Failed);
        Assert.Contains("Sms:Twilio:AccountSid", sut.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4155550100")]
    [InlineData("+1 415 555 0100")]
    [InlineData("+1")]
    public void Validate_PhoneNumberNotE164_Fails(string phone)
    {
        var options = Complete();
        options.Twilio.PhoneNumber = phone;

        var sut = new SmsOptionsValidator().Validate(null, options);

        Assert.Contains("E.164", sut.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bot.clinic.example")]
    [InlineData("ftp://bot.clinic.example")]
    public void Validate_PublicBaseUrlNotAbsoluteHttp_Fails(string? url)
    {
        var options = Complete();
        options.PublicBaseUrl = url;

        var sut = new SmsOptionsValidator().Validate(null, options);

        Assert.Contains("Sms:PublicBaseUrl", sut.FailureMessage, StringComparison.Ordinal);
    }
}
