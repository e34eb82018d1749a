// CompassionBot on Azure: App Service (Linux, .NET 10), Azure Bot with the Teams channel, PostgreSQL Flexible
// Server, Key Vault (every secret app setting is a Key Vault reference), Application Insights on Log Analytics.
// Parameters and deployment steps: README.md. Deploy to a resource group:
//   az deployment group create -g <rg> -f main.bicep -p main.<env>.bicepparam

targetScope = 'resourceGroup'

// ---- General ----

@description('Environment name, used in resource names and tags.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Name prefix of the resources (lower case letters, digits and hyphens).')
@minLength(3)
@maxLength(20)
param baseName string = 'compassionbot-${environmentName}'

@description('Azure region of the resources (the bot itself is global).')
param location string = resourceGroup().location

@description('Tags on every resource.')
param tags object = {
  application: 'CompassionBot'
  environment: environmentName
}

// ---- App Service ----

@description('Web app name (globally unique); the service answers on https://<appName>.azurewebsites.net.')
param appName string = 'app-${baseName}-${take(uniqueString(resourceGroup().id), 6)}'

@description('App Service plan SKU (B1 and up; P0v3 or larger for production).')
param appServiceSkuName string = 'B1'

@description('Instances; more than one requires PostgreSQL (always the case here).')
@minValue(1)
@maxValue(30)
param appServiceInstanceCount int = 1

@description('Spread the instances over availability zones (Premium v3, 2+ instances).')
param appServiceZoneRedundant bool = false

@description('Public base URL of the service as Twilio and clinics call it; default the app\'s azurewebsites.net address.')
param publicBaseUrl string = 'https://${appName}.azurewebsites.net'

@description('Install the Application Insights agent (requests, dependencies and logs to Application Insights).')
param appInsightsAgentEnabled bool = true

@description('OTLP endpoint of an OpenTelemetry collector (OTEL_EXPORTER_OTLP_ENDPOINT); empty for none.')
param otlpEndpoint string = ''

// ---- Networking ----

@description('Private networking: PostgreSQL in a delegated subnet with no public access, web app VNet integration. False: public PostgreSQL endpoint open to Azure services only (TLS + password).')
param privateNetworking bool = false

// ---- PostgreSQL ----

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
  '17'
])
param postgresVersion string = '16'

@description('PostgreSQL compute tier.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL compute size.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL storage in GiB (grows automatically).')
param postgresStorageSizeGB int = 32

@description('High availability: Disabled, ZoneRedundant (production) or SameZone.')
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param postgresHighAvailabilityMode string = 'Disabled'

@description('Days of point-in-time restore (7–35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Geo-redundant backups.')
param postgresGeoRedundantBackup bool = false

@description('PostgreSQL administrator login.')
param postgresAdministratorLogin string = 'compassionadmin'

@description('PostgreSQL administrator password: at deployment time only (the parameters files read the POSTGRES_ADMIN_PASSWORD environment variable).')
@secure()
@minLength(12)
param postgresAdministratorPassword string

@description('Name of the bot\'s database.')
param postgresDatabaseName string = 'compassionbot'

// ---- Key Vault and monitoring ----

@description('Key Vault name (3–24 characters, globally unique).')
@maxLength(24)
param keyVaultName string = 'kv-${take(uniqueString(resourceGroup().id, baseName), 13)}'

@description('Key Vault purge protection (irreversible; on in production).')
param keyVaultPurgeProtection bool = false

@description('Days Log Analytics keeps data.')
param logRetentionInDays int = 30

// ---- Bot ----

@description('Azure Bot resource name (globally unique handle).')
param botName string = 'bot-${baseName}-${take(uniqueString(resourceGroup().id), 6)}'

@description('Name shown in Teams.')
param botDisplayName string = 'CompassionBot'

@description('Azure Bot pricing tier; F0 covers Teams.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('UserAssignedMSI: the bot authenticates with a managed identity this template creates (no secret). SingleTenant: with an existing Entra app registration (botAppId) and its client secret in Key Vault.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param botAppId string = ''

@description('Tenant of the bot\'s identity; default this deployment\'s tenant.')
param botAppTenantId string = tenant().tenantId

@description('Teams tenants the bot serves (AllowedTenantIds); empty serves every tenant.')
param allowedTenantIds array = []

@description('Turn on Azure Bot Service\'s own SMS channel (needs the Sms--Twilio--AuthToken secret first; see README).')
param botServiceSmsChannelEnabled bool = false

// ---- The clinic ----

@description('Clinic name shown to clients (Clinic:Name).')
param clinicName string

@description('How clients reach the clinic, shown in help and crisis texts (Clinic:Contact).')
param clinicContact string

@description('ISO 3166 region for crisis resources and phone numbers (Clinic:Region, Sms:DefaultRegion).')
param clinicRegion string = 'US'

@description('Default locale, en or es (Content:DefaultLocale).')
@allowed([
  'en'
  'es'
])
param contentDefaultLocale string = 'en'

@description('Names of the clinician API clients; each has a key in Key Vault secret Clinic--ApiKeys--<name> (letters, digits, hyphens).')
param clinicianApiUsers array = []

@description('Where crisis alerts are POSTed (https; Safety:AlertWebhookUrl); empty: alerts are queued until one is set.')
param alertWebhookUrl string = ''

@description('Sign alert POSTs with the Safety--AlertWebhookSecret secret (X-CompassionBot-Signature).')
param alertWebhookSigned bool = true

@description('Keep the person\'s message text with crisis events (Safety:RecordMessageText); off by default.')
param recordMessageText bool = false

@description('Azure AI Language endpoint for the optional sentiment signal; empty for off. Its key is the Safety--AzureLanguage--Key secret.')
param azureLanguageEndpoint string = ''

@description('Azure AI Content Safety endpoint for the optional self-harm and violence signal; empty for off. Its key is the Safety--ContentSafety--Key secret.')
param contentSafetyEndpoint string = ''

@description('Origins allowed to call Direct Line from a browser (DirectLine:AllowedOrigins), e.g. https://clinic.example.')
param directLineAllowedOrigins array = []

@description('SMS check-ins through the service\'s own Twilio webhook (/api/sms/twilio).')
param smsEnabled bool = false

@description('Twilio account SID (AC…); not a secret.')
param twilioAccountSid string = ''

@description('Twilio sending number, E.164.')
param twilioPhoneNumber string = ''

// ---- Names ----

var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

// Key Vault secret names; each is set out of band (README.md) except the Application Insights one.
var secretNames = {
  appPassword: 'MicrosoftAppPassword'
  postgres: 'ConnectionStrings--Postgres'
  directLineSecret: 'DirectLine--Secrets--0'
  directLineSigningKey: 'DirectLine--TokenSigningKey'
  twilioAuthToken: 'Sms--Twilio--AuthToken'
  alertWebhookSecret: 'Safety--AlertWebhookSecret'
  azureLanguageKey: 'Safety--AzureLanguage--Key'
  contentSafetyKey: 'Safety--ContentSafety--Key'
  appInsights: 'ApplicationInsights--ConnectionString'
  clinicianApiKeyPrefix: 'Clinic--ApiKeys--'
}

@description('An App Service Key Vault reference to the latest version of a secret.')
func keyVaultReference(vaultName string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=https://${vaultName}${environment().suffixes.keyvaultDns}/secrets/${secretName}/)'

// ---- App settings (Linux: __ separates sections) ----

var coreSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  // appsettings.json says http://localhost:3978; App Service forwards to port 8080.
  { name: 'Urls', value: 'http://+:8080' }
  { name: 'WEBSITES_PORT', value: '8080' }
  { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'ConnectionStrings__Postgres', value: keyVaultReference(keyVaultName, secretNames.postgres) }
  { name: 'Clinic__Name', value: clinicName }
  { name: 'Clinic__Contact', value: clinicContact }
  { name: 'Clinic__Region', value: clinicRegion }
  { name: 'Content__DefaultLocale', value: contentDefaultLocale }
  { name: 'Safety__RecordMessageText', value: string(recordMessageText) }
  { name: 'DirectLine__Secrets__0', value: keyVaultReference(keyVaultName, secretNames.directLineSecret) }
  // Shared by every instance: a token issued by one must be accepted by the others.
  { name: 'DirectLine__TokenSigningKey', value: keyVaultReference(keyVaultName, secretNames.directLineSigningKey) }
  { name: 'DirectLine__BotName', value: botDisplayName }
  { name: 'DirectLine__EnableDemoTokenEndpoint', value: 'false' }
  { name: 'Sms__PublicBaseUrl', value: publicBaseUrl }
  { name: 'Sms__DefaultRegion', value: clinicRegion }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: keyVaultReference(keyVaultName, secretNames.appInsights) }
  { name: 'OTEL_SERVICE_NAME', value: 'compassionbot' }
]

var botSettings = concat(
  [
    { name: 'MicrosoftAppType', value: botAppType }
    { name: 'MicrosoftAppId', value: isManagedIdentityBot ? botIdentity!.properties.clientId : botAppId }
    { name: 'MicrosoftAppTenantId', value: botAppTenantId }
  ],
  isManagedIdentityBot ? [] : [{ name: 'MicrosoftAppPassword', value: keyVaultReference(keyVaultName, secretNames.appPassword) }],
  map(range(0, length(allowedTenantIds)), i => { name: 'AllowedTenantIds__${i}', value: allowedTenantIds[i] })
)

var optionalSettings = concat(
  map(clinicianApiUsers, user => {
    name: 'Clinic__ApiKeys__${user}'
    value: keyVaultReference(keyVaultName, '${secretNames.clinicianApiKeyPrefix}${user}')
  }),
  map(range(0, length(directLineAllowedOrigins)), i => { name: 'DirectLine__AllowedOrigins__${i}', value: directLineAllowedOrigins[i] }),
  empty(alertWebhookUrl) ? [] : [{ name: 'Safety__AlertWebhookUrl', value: alertWebhookUrl }],
  empty(alertWebhookUrl) || !alertWebhookSigned
    ? []
    : [{ name: 'Safety__AlertWebhookSecret', value: keyVaultReference(keyVaultName, secretNames.alertWebhookSecret) }],
  empty(azureLanguageEndpoint)
    ? []
    : [
        { name: 'Safety__AzureLanguage__Endpoint', value: azureLanguageEndpoint }
        { name: 'Safety__AzureLanguage__Key', value: keyVaultReference(keyVaultName, secretNames.azureLanguageKey) }
      ],
  empty(contentSafetyEndpoint)
    ? []
    : [
        { name: 'Safety__ContentSafety__Endpoint', value: contentSafetyEndpoint }
        { name: 'Safety__ContentSafety__Key', value: keyVaultReference(keyVaultName, secretNames.contentSafetyKey) }
      ],
  smsEnabled
    ? [
        { name: 'Sms__Twilio__AccountSid', value: twilioAccountSid }
        { name: 'Sms__Twilio__PhoneNumber', value: twilioPhoneNumber }
        { name: 'Sms__Twilio__AuthToken', value: keyVaultReference(keyVaultName, secretNames.twilioAuthToken) }
      ]
    : [],
  empty(otlpEndpoint) ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }],
  appInsightsAgentEnabled ? [{ name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }] : []
)

// ---- Resources ----

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (isManagedIdentityBot) {
  name: 'id-${baseName}-bot'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: baseName
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: 90
    appInsightsName: monitoring.outputs.appInsightsName
    appInsightsSecretName: secretNames.appInsights
    tags: tags
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    location: location
    baseName: baseName
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    name: 'psql-${baseName}-${take(uniqueString(resourceGroup().id), 6)}'
    version: postgresVersion
    skuTier: postgresSkuTier
    skuName: postgresSkuName
    storageSizeGB: postgresStorageSizeGB
    highAvailabilityMode: postgresHighAvailabilityMode
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    databaseName: postgresDatabaseName
    delegatedSubnetId: privateNetworking ? network!.outputs.postgresSubnetId : ''
    privateDnsZoneId: privateNetworking ? network!.outputs.privateDnsZoneId : ''
    tags: tags
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    location: location
    name: appName
    skuName: appServiceSkuName
    instanceCount: appServiceInstanceCount
    zoneRedundant: appServiceZoneRedundant
    appSettings: concat(coreSettings, botSettings, optionalSettings)
    userAssignedIdentityId: isManagedIdentityBot ? botIdentity.id : ''
    vnetSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    tags: tags
  }
  // Key Vault references resolve at start-up: the vault and its Application Insights secret come first.
  dependsOn: [
    keyVault
  ]
}

module keyVaultAccess 'modules/keyvault-access.bicep' = {
  name: 'keyvault-access'
  params: {
    keyVaultName: keyVault.outputs.name
    principalId: app.outputs.principalId
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: botName
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    sku: botSku
    msaAppType: botAppType
    msaAppId: isManagedIdentityBot ? botIdentity!.properties.clientId : botAppId
    msaAppTenantId: botAppTenantId
    msaAppMsiResourceId: isManagedIdentityBot ? botIdentity.id : ''
    smsChannelEnabled: botServiceSmsChannelEnabled
    smsPhoneNumber: twilioPhoneNumber
    smsAccountSid: twilioAccountSid
    smsAuthToken: botServiceSmsChannelEnabled ? vault.getSecret(secretNames.twilioAuthToken) : ''
    tags: tags
  }
  dependsOn: [
    keyVault
  ]
}

// ---- Outputs (no secrets) ----

output appName string = app.outputs.name
output appUrl string = 'https://${app.outputs.defaultHostName}'
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'
output botName string = bot.outputs.name
output microsoftAppId string = isManagedIdentityBot ? botIdentity!.properties.clientId : botAppId
output keyVaultName string = keyVault.outputs.name
output postgresHost string = postgres.outputs.fullyQualifiedDomainName
output postgresDatabase string = postgres.outputs.databaseName
