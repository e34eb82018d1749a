using CompassionBot.BotFramework;

namespace CompassionBot.Tests.BotFramework;

public sealed class BotFrameworkOptionsValidatorTests
{
    private const string AppId = "6a1c7e2b-3f51-4c1e-9a55-0d2f1f6b7c11";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly BotFrameworkOptionsValidator _sut = new();

    [Fact]
    public void Validate_NoAppId_LocalModeIsValid() => Assert.True(_sut.Validate(null, new BotFrameworkOptions()).Succeeded);

    [Theory]
    [InlineData("MultiTenant", AppId, "secret", null)]
    [InlineData("SingleTenant", AppId, "secret", TenantId)]
    [InlineData("UserAssignedMSI", AppId, null, TenantId)]
    public void Validate_CompleteCombination_Succeeds(string type, string appId, string? password, string? tenant) =>
        Assert.True(_sut.Validate(null, Options(type, appId, password, tenant)).Succeeded);

    [Theory]
    [InlineData("MultiTenant", AppId, null, null, "needs MicrosoftAppPassword")]
    [InlineData("MultiTenant", AppId, "secret", TenantId, "use SingleTenant")]
    [InlineData("SingleTenant", AppId, "secret", null, "SingleTenant needs MicrosoftAppTenantId")]
    [InlineData("SingleTenant", AppId, null, TenantId, "SingleTenant needs MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", AppId, "secret", TenantId, "must not set MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", AppId, null, null, "UserAssignedMSI needs MicrosoftAppTenantId")]
    [InlineData("Whatever", AppId, "secret", null, "is not one of")]
    [InlineData("MultiTenant", "not-a-guid", "secret", null, "GUID")]
    [InlineData("MultiTenant", null, "secret", null, "MicrosoftAppId is empty")]
    public void Validate_WrongCombination_ExplainsIt(string type, string? appId, string? password, string? tenant, string expected)
    {
        var result = _sut.Validate(null, Options(type, appId, password, tenant));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    public void Validate_DeliveryDedupWindowNotPositive_Fails(string window)
    {
        var options = new BotFrameworkOptions { DeliveryDedupWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains("DeliveryDedupWindow must be positive", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpMetadataOffLoopback_Fails()
    {
        var options = new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = new Uri("http://login.example.org/openid") };

        Assert.Contains("http is accepted only for loopback", _sut.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpMetadataOnLoopback_Succeeds()
    {
        var options = new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = new Uri("http://127.0.0.1:5000/openid") };

        Assert.True(_sut.Validate(null, options).Succeeded);
    }

    private static BotFrameworkOptions Options(string type, string? appId, string? password, string? tenant) => new()
    {
        MicrosoftAppType = type,
        MicrosoftAppId = appId,
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenant,
    };
}
