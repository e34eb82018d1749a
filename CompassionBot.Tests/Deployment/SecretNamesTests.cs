namespace CompassionBot.Tests.Deployment;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("DirectLine__Secrets__0")]
    [InlineData("DirectLine__TokenSigningKey")]
    [InlineData("Sms__Twilio__AuthToken")]
    [InlineData("Clinic__ApiKeys__dr-lee")]
    [InlineData("Safety__AzureLanguage__Key")]
    [InlineData("Safety__ContentSafety__Key")]
    [InlineData("postgresAdministratorPassword")]
    [InlineData("adminPassword2")]
    public void IsSecret_SecretName_IsTrue(string name) => Assert.True(SecretNames.IsSecret(name));

    [Theory]
    [InlineData("MicrosoftAppId")]
    [InlineData("DirectLine__EnableDemoTokenEndpoint")]
    [InlineData("DirectLine__TokenLifetime")]
    [InlineData("Sms__Twilio__AccountSid")]
    [InlineData("keyVaultName")]
    [InlineData("keyVaultPurgeProtection")]
    [InlineData("Storage__Provider")]
    public void IsSecret_OrdinaryName_IsFalse(string name) => Assert.False(SecretNames.IsSecret(name));
}
