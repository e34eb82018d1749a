using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/azure: the committed snapshots (what main.bicep deploys per parameters file, evaluated by the
/// Bicep compiler) provide every setting the service reads, keep every secret in Key Vault, and match the templates.
/// </summary>
public sealed class AzureTemplateTests
{
    public static TheoryData<string> Environments => new(AzureTemplateFiles.Environments);

    [Fact]
    public void ProductionSnapshot_KeysTheAppReads_AreAllSet()
    {
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile("prod"));

        var missing = MissingKeys(sut, AzureTemplateAllowList.SafeDefaults.Keys.Concat(AzureTemplateAllowList.OffInProduction.Keys));

        Assert.True(missing.Count == 0, $"Not set by main.prod.bicepparam and not allow-listed: {string.Join(", ", missing)}");
    }

    [Fact]
    public void AllowLists_Keys_AreKeysTheAppReads()
    {
        var known = AppConfigurationKeys.All.Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = AzureTemplateAllowList.SafeDefaults.Keys.Concat(AzureTemplateAllowList.OffInProduction.Keys).Where(k => !known.Contains(k)).ToList();

        Assert.Empty(stale);
        Assert.Empty(AzureTemplateAllowList.SafeDefaults.Keys.Intersect(AzureTemplateAllowList.OffInProduction.Keys, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_SecretSettings_AreKeyVaultReferences(string environment)
    {
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile(environment));

        var inline = sut.AppSettings
            .Where(s => SecretNames.IsSecret(s.Key) && DeploymentSnapshot.KeyVaultSecretName(s.Value) is null)
            .Select(s => s.Key)
            .ToList();

        Assert.Contains(sut.AppSettings, s => SecretNames.IsSecret(s.Key));
        Assert.True(inline.Count == 0, $"Secret app settings that are not Key Vault references: {string.Join(", ", inline)}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_KeyVaultSecrets_AreDocumentedInReadme(string environment)
    {
        var readme = File.ReadAllText(AzureTemplateFiles.Readme);
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile(environment));

        var secrets = sut.AppSettings.Select(s => DeploymentSnapshot.KeyVaultSecretName(s.Value)).OfType<string>()
            .Select(name => name.StartsWith("Clinic--ApiKeys--", StringComparison.Ordinal) ? "Clinic--ApiKeys--<name>" : name);

        Assert.All(secrets, name => Assert.Contains(name, readme, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ParametersFile_SecretParameters_HaveNoLiteralValue(string environment)
    {
        var secure = SecureParameters(File.ReadAllLines(AzureTemplateFiles.MainTemplate));
        var sut = BicepParametersFile.Load(AzureTemplateFiles.ParametersFile(environment));

        var inlined = sut.Values
            .Where(p => (SecretNames.IsSecret(p.Key) || secure.Contains(p.Key)) && BicepParametersFile.IsLiteral(p.Value))
            .Select(p => p.Key)
            .ToList();

        Assert.Contains("postgresAdministratorPassword", secure);
        Assert.Equal("readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')", sut.Values["postgresAdministratorPassword"]);
        Assert.True(inlined.Count == 0, $"main.{environment}.bicepparam gives secrets literal values: {string.Join(", ", inlined)}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_WebApp_IsLinuxDotNet10HttpsOnlyWithHealthCheckAndIdentity(string environment)
    {
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile(environment));

        var site = sut.Site;
        var config = site["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)site["httpsOnly"]!);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.StartsWith("SystemAssigned", (string?)sut.Single("Microsoft.Web/sites")["identity"]!["type"], StringComparison.Ordinal);
        Assert.Equal("Postgres", sut.AppSettings.Single(s => s.Key == "Storage__Provider").Value);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", (string?)sut.Single("Microsoft.Authorization/roleAssignments")["properties"]!["roleDefinitionId"], StringComparison.Ordinal);
        Assert.True((bool)sut.Single("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_Bot_HasTeamsChannelAndMessagesEndpoint(string environment)
    {
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile(environment));

        var bot = sut.Single("Microsoft.BotService/botServices")["properties"]!;
        var channels = sut.OfType("Microsoft.BotService/botServices/channels").Select(c => (string?)c["properties"]!["channelName"]);
        var appSettings = sut.AppSettings.ToDictionary();

        Assert.Contains("/api/messages'", (string?)bot["endpoint"], StringComparison.Ordinal);
        Assert.Contains("MsTeamsChannel", channels);
        Assert.Equal((string?)bot["msaAppType"], appSettings["MicrosoftAppType"]);
        Assert.Equal((string?)bot["msaAppId"], appSettings["MicrosoftAppId"]);
    }

    [Fact]
    public void ProductionSnapshot_Postgres_IsZoneRedundantAndPrivate()
    {
        var sut = DeploymentSnapshot.Load(AzureTemplateFiles.SnapshotFile("prod"));

        var server = sut.Single("Microsoft.DBforPostgreSQL/flexibleServers")["properties"]!;

        Assert.Equal("ZoneRedundant", (string?)server["highAvailability"]!["mode"]);
        Assert.Equal("Disabled", (string?)server["network"]!["publicNetworkAccess"]);
        Assert.Empty(sut.OfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Templates_CompiledNow_MatchCommittedSnapshot(string environment)
    {
        SkipWithoutBicep();
        using var copy = new TempDirectory();
        AzureTemplateFiles.CopyTo(copy.Path);

        var result = await BicepCli.SnapshotAsync(Path.Combine(copy.Path, $"main.{environment}.bicepparam"), "validate", TestContext.Current.CancellationToken);

        Assert.True(
            result.ExitCode == 0,
            $"main.{environment}.snapshot.json is out of date or the templates do not compile; regenerate it as README.md says.\n{result.Output}");
        Assert.DoesNotContain(BicepCli.PlaceholderAdminPassword, await File.ReadAllTextAsync(AzureTemplateFiles.SnapshotFile(environment), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_Lint_ReportsNothing()
    {
        SkipWithoutBicep();

        var result = await BicepCli.RunAsync(["lint", AzureTemplateFiles.MainTemplate], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.Output), result.Output);
    }

    [Fact]
    public async Task AllFeaturesOn_KeysTheAppReads_AreAllSetWithSecretsInKeyVault()
    {
        SkipWithoutBicep();
        using var copy = new TempDirectory();
        AzureTemplateFiles.CopyTo(copy.Path);
        var parameters = Path.Combine(copy.Path, "main.all.bicepparam");
        await File.WriteAllTextAsync(parameters, AllFeaturesParameters, TestContext.Current.CancellationToken);

        var result = await BicepCli.SnapshotAsync(parameters, "overwrite", TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.Output);
        var sut = DeploymentSnapshot.Load(Path.Combine(copy.Path, "main.all.snapshot.json"));

        var missing = MissingKeys(sut, AzureTemplateAllowList.SafeDefaults.Keys);
        var inline = sut.AppSettings.Where(s => SecretNames.IsSecret(s.Key) && DeploymentSnapshot.KeyVaultSecretName(s.Value) is null).Select(s => s.Key).ToList();
        Assert.True(missing.Count == 0, $"Not set even with every feature on: {string.Join(", ", missing)}");
        Assert.True(inline.Count == 0, $"Secret app settings that are not Key Vault references: {string.Join(", ", inline)}");
        Assert.Contains(sut.OfType("Microsoft.BotService/botServices/channels"), c => (string?)c["properties"]!["channelName"] == "SmsChannel");
        Assert.DoesNotContain(BicepCli.PlaceholderAdminPassword, sut.Text, StringComparison.Ordinal);
    }

    private const string AllFeaturesParameters = """
        using 'main.bicep'

        param environmentName = 'dev'
        param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
        param botAppType = 'SingleTenant'
        param botAppId = '00000000-0000-0000-0000-000000000003'
        param allowedTenantIds = ['00000000-0000-0000-0000-000000000002']
        param botServiceSmsChannelEnabled = true
        param clinicName = 'Test Clinic'
        param clinicContact = '555-0100'
        param clinicianApiUsers = ['dr-lee', 'front-desk']
        param alertWebhookUrl = 'https://alerts.clinic.example/hook'
        param azureLanguageEndpoint = 'https://language.cognitiveservices.azure.com/'
        param contentSafetyEndpoint = 'https://content-safety.cognitiveservices.azure.com/'
        param directLineAllowedOrigins = ['https://clinic.example']
        param smsEnabled = true
        param twilioAccountSid = 'AC00000000000000000000000000000000'
        param twilioPhoneNumber = '+15005550006'
        param otlpEndpoint = 'http://collector.internal:4317'
        """;

    private static List<string> MissingKeys(DeploymentSnapshot snapshot, IEnumerable<string> allowed)
    {
        var settings = snapshot.AppSettings.Select(s => s.Key).ToList();
        var allowList = allowed.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return AppConfigurationKeys.All
            .Where(k => !allowList.Contains(k.Key) && !k.IsProvidedBy(settings))
            .Select(k => k.SettingName)
            .ToList();
    }

    // The names of main.bicep's parameters decorated with @secure().
    private static HashSet<string> SecureParameters(string[] lines)
    {
        var secure = new HashSet<string>(StringComparer.Ordinal);
        var decorated = false;
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.StartsWith("@secure()", StringComparison.Ordinal))
            {
                decorated = true;
            }
            else if (line.StartsWith("param ", StringComparison.Ordinal))
            {
                if (decorated)
                {
                    secure.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                }

                decorated = false;
            }
        }

        return secure;
    }

    private static void SkipWithoutBicep()
    {
        Assert.SkipWhen(BicepCli.Path is null, "The Bicep CLI package serves linux-x64 only.");
        Assert.True(File.Exists(BicepCli.Path), $"{BicepCli.Path} is missing: restore the test project.");
    }
}
