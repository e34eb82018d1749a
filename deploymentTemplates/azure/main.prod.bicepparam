// Production: zone-redundant PostgreSQL with high availability, private networking, two or more instances, bot
// authenticated by a user-assigned managed identity (no client secret at all). Replace the clinic's values below.
// No secret in this file: secrets live in Key Vault (README.md), the database administrator password comes from the
// environment at deployment time.
using 'main.bicep'

param environmentName = 'prod'
param appServiceSkuName = 'P1v3'
param appServiceInstanceCount = 2
param appServiceZoneRedundant = true
param privateNetworking = true

param postgresSkuTier = 'GeneralPurpose'
param postgresSkuName = 'Standard_D2ds_v5'
param postgresStorageSizeGB = 64
param postgresHighAvailabilityMode = 'ZoneRedundant'
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresAdministratorPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')

param keyVaultPurgeProtection = true
param logRetentionInDays = 90

param botAppType = 'UserAssignedMSI'
param allowedTenantIds = [
  '00000000-0000-0000-0000-000000000000' // replace: the clinic's Microsoft 365 tenant id
]

param clinicName = 'Example Clinic'
param clinicContact = '555-0100, weekdays 9 to 5'
param clinicRegion = 'US'
param clinicianApiUsers = [
  'clinic'
]
param alertWebhookUrl = 'https://alerts.clinic.example/compassionbot'
param directLineAllowedOrigins = [
  'https://clinic.example'
]
param smsEnabled = true
param twilioAccountSid = 'AC00000000000000000000000000000000'
param twilioPhoneNumber = '+15005550006'
