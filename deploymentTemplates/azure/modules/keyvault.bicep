// Key Vault (RBAC authorisation) and the one secret the template itself knows: the Application Insights connection
// string. Every other secret is set out of band (README.md); the template never receives their values.

@description('Azure region.')
param location string

@description('Key Vault name (3–24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Keep deleted secrets recoverable and forbid purging them (cannot be turned off again).')
param enablePurgeProtection bool

@description('Days a deleted vault or secret stays recoverable (7–90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Application Insights component whose connection string is stored as a secret.')
param appInsightsName string

@description('Secret name of the Application Insights connection string.')
param appInsightsSecretName string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // null rather than false: once on, purge protection cannot be set to false again.
    enablePurgeProtection: enablePurgeProtection ? true : null
    // Needed by main.bicep's getSecret() for the optional Bot Service SMS channel.
    enabledForTemplateDeployment: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource appInsightsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: appInsightsSecretName
  properties: {
    value: appInsights.properties.ConnectionString
    contentType: 'Application Insights connection string (written by the deployment)'
  }
}

output name string = vault.name
output id string = vault.id
