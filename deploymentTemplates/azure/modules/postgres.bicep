// Azure Database for PostgreSQL Flexible Server and the bot's database.

@description('Azure region.')
param location string

@description('Server name (globally unique, lower case).')
param name string

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
  '17'
])
param version string

@description('Compute tier; high availability needs GeneralPurpose or MemoryOptimized.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('Compute size, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Storage in GiB.')
param storageSizeGB int

@description('High availability: Disabled, ZoneRedundant (standby in another zone) or SameZone.')
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param highAvailabilityMode string

@description('Days of point-in-time restore (7–35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Copy backups to the paired region.')
param geoRedundantBackup bool

@description('Administrator login name.')
param administratorLogin string

@description('Administrator password: given at deployment time only, never kept in a parameters file.')
@secure()
param administratorPassword string

@description('Name of the bot\'s database.')
param databaseName string

@description('Delegated subnet for private access; empty for public access limited by the firewall.')
param delegatedSubnetId string

@description('Private DNS zone for private access; empty for public access.')
param privateDnsZoneId string

param tags object

var privateAccess = !empty(delegatedSubnetId)

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: highAvailabilityMode
    }
    network: privateAccess
      ? {
          delegatedSubnetResourceId: delegatedSubnetId
          privateDnsZoneArmResourceId: privateDnsZoneId
          publicNetworkAccess: 'Disabled'
        }
      : {
          publicNetworkAccess: 'Enabled'
        }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Public access only: the 0.0.0.0 rule admits connections from Azure services (the web app's outbound addresses
// change with scaling, so they cannot be listed), TLS and the password still required. Prefer private access.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (!privateAccess) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
