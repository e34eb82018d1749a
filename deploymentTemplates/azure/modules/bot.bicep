// Azure Bot (Bot Service registration) with the Microsoft Teams channel and, optionally, Bot Service's own SMS
// channel.

@description('Bot resource name (globally unique handle).')
param name string

@description('Display name shown in Teams.')
param displayName string

@description('Messaging endpoint, https://<app>/api/messages.')
param endpoint string

@description('F0 (free; Teams is a standard channel) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('SingleTenant (an Entra app registration with a client secret) or UserAssignedMSI (no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param msaAppType string

@description('App id: the app registration\'s client id, or the user-assigned identity\'s client id.')
param msaAppId string

@description('Tenant of the app registration or identity.')
param msaAppTenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param msaAppMsiResourceId string

@description('Turn on Bot Service\'s SMS channel (Twilio through Bot Service; see README before using it).')
param smsChannelEnabled bool

@description('Twilio number for the SMS channel, E.164.')
param smsPhoneNumber string

@description('Twilio account SID for the SMS channel.')
param smsAccountSid string

@description('Twilio auth token for the SMS channel: read from Key Vault by main.bicep, never a parameters file.')
@secure()
param smsAuthToken string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: msaAppType
    msaAppId: msaAppId
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMsiResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource sms 'Microsoft.BotService/botServices/channels@2022-09-15' = if (smsChannelEnabled) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      isEnabled: true
      phone: smsPhoneNumber
      accountSID: smsAccountSid
      authToken: smsAuthToken
    }
  }
}

output name string = bot.name
