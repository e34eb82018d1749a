// Linux App Service plan and the web app that runs CompassionBot.

@description('Azure region.')
param location string

@description('Web app name (globally unique; the default host name is <name>.azurewebsites.net).')
param name string

@description('App Service plan SKU, e.g. B1, P0v3, P1v3.')
param skuName string

@description('Instances of the plan (several need Storage:Provider=Postgres and a shared Direct Line signing key).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Spread the instances over availability zones (Premium v3, at least 2 instances, zonal region).')
param zoneRedundant bool

@description('App settings, names with __ for nesting.')
param appSettings array

@description('Resource id of the user-assigned identity the bot authenticates with; empty when there is none.')
param userAssignedIdentityId string

@description('Subnet for VNet integration (outbound traffic to the private PostgreSQL server); empty for none.')
param vnetSubnetId string

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: empty(userAssignedIdentityId)
    ? {
        type: 'SystemAssigned'
      }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${userAssignedIdentityId}': {}
        }
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    virtualNetworkSubnetId: empty(vnetSubnetId) ? null : vnetSubnetId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      // Direct Line streams replies over WebSockets.
      webSocketsEnabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      vnetRouteAllEnabled: !empty(vnetSubnetId)
      appSettings: appSettings
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
