// Development: one small instance, public PostgreSQL endpoint (Azure services only), single-tenant bot registration
// so a developer can also run the service locally against the same Azure Bot. No secret in this file: secrets live in
// Key Vault (README.md), the database administrator password comes from the environment at deployment time.
using 'main.bicep'

param environmentName = 'dev'
param appServiceSkuName = 'B1'
param appServiceInstanceCount = 1
param privateNetworking = false

param postgresSkuTier = 'Burstable'
param postgresSkuName = 'Standard_B1ms'
param postgresHighAvailabilityMode = 'Disabled'
param postgresBackupRetentionDays = 7
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')

param botAppType = 'SingleTenant'
param botAppId = '00000000-0000-0000-0000-000000000000' // replace: the dev app registration's client id

param clinicName = 'CompassionBot development'
param clinicContact = 'the development team'
param clinicRegion = 'US'
param clinicianApiUsers = [
  'dev'
]
param directLineAllowedOrigins = [
  'http://localhost:3978'
]
param smsEnabled = false
