// The function app and its consumption plan.
//
// Two plans are offered:
// - FlexConsumption (default, FC1, Linux): Azure's recommended serverless plan; .NET 10 isolated,
//   identity-based deployment storage, per-function scaling and always-ready instances.
// - WindowsConsumption (Y1, Dynamic): the classic plan, still runs .NET 10 isolated on Windows.
// Linux Consumption (Y1 on Linux) is deliberately NOT offered: it runs .NET 9 at most and is
// retired on 30 September 2028.
//
// Each plan gets its own (conditional) plan and site resource so every property stays a plain,
// reviewable value; the settings both share are declared once below.

@description('Name of the function app (globally unique; becomes <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param name string

@description('Name of the App Service plan.')
@minLength(1)
@maxLength(60)
param planName string

@description('Azure region of the plan and the app. Flex Consumption is available in a subset of regions.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('Hosting plan: FlexConsumption (FC1, Linux) or WindowsConsumption (Y1, Windows).')
@allowed([
  'FlexConsumption'
  'WindowsConsumption'
])
param planKind string = 'FlexConsumption'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity (for *__clientId settings).')
param identityClientId string

@description('Name of the storage account (host storage, task hub, app tables, deployment package).')
param storageAccountName string

@description('Blob container holding the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Azure Files share for the Windows Consumption app content (WEBSITE_CONTENTSHARE).')
param contentShareName string

@description('Name of the SignalR Service resource (its AccessKey is read here, never passed around).')
param signalRName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Origins (scheme://host[:port]) of the customer sites that embed the widget.')
@minLength(1)
param allowedOrigins array

@description('Durable Functions task hub name (host.json reads %TaskHubName%).')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Recipe a chat runs when the page did not call setRecipe().')
@minLength(1)
param defaultRecipeId string

@description('Inactivity timeout of a bot-held room, as a .NET TimeSpan (hh:mm:ss).')
@minLength(8)
param roomInactivityTimeout string

@description('Inactivity timeout of a room waiting for or held by an agent, as a .NET TimeSpan; 00:00:00 never.')
@minLength(8)
param agentRoomInactivityTimeout string

@description('HS256 key for visitor session tokens (Sessions__SigningKey).')
@secure()
@minLength(32)
param sessionSigningKey string

@description('Shared secret that verifies setUserId() hashes (Identity__UserIdSecret).')
@secure()
param userIdVerificationSecret string

@description('Trust setUserId(id) without proof (Identity__AllowUnverifiedUserIds).')
param allowUnverifiedUserIds bool

@description('Secret that signs recipe webhook calls (Webhooks__SigningSecret).')
@secure()
@minLength(32)
param webhookSigningSecret string

@description('API key for the admin (dashboard) API (Admin__ApiKey).')
@secure()
@minLength(32)
param adminApiKey string

@description('Client id of the Entra ID app registration for App Service authentication; empty = Easy Auth off.')
param entraClientId string = ''

@description('Tenant of the app registration.')
param entraTenantId string = ''

@description('App role or group a signed-in user needs for the admin API.')
param entraAdminRole string = 'Livechat.Admin'

@description('Flex Consumption: memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex Consumption: most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Flex Consumption: always-ready instances for the durable group (orchestrations, activities); 0 lets it scale to zero.')
@minValue(0)
@maxValue(20)
param durableAlwaysReadyInstanceCount int = 1

var isFlex = planKind == 'FlexConsumption'
var easyAuth = !empty(entraClientId)

// The SignalR hub every client and the app's REST calls use.
var signalRHubName = 'chat'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' existing = {
  name: signalRName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var appIdentity = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${identityId}': {}
  }
}

// Platform CORS stays empty: the app answers CORS itself on every host (Flex, Windows Consumption, the local host,
// func start) from Cors__AllowedOrigins, and App Service CORS, when set, takes precedence over the app's own
// (docs/decisions/0002-cors-in-the-worker.md).
var cors = {
  allowedOrigins: []
  supportCredentials: false
}

// Settings the application reads, the same on both plans.
var commonAppSettings = [
  // Host storage (and the Durable Functions task hub) through the managed identity.
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storage.name
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
    name: 'TaskHubName'
    value: taskHubName
  }
  // The app's own tables, also through the managed identity.
  {
    name: 'Storage__TableServiceUri'
    value: 'https://${storage.name}.table.${environment().suffixes.storage}'
  }
  {
    name: 'Storage__ClientId'
    value: identityClientId
  }
  // Attachments: upload and read links are signed with a user delegation key the identity asks for (Storage Blob
  // Data Owner includes the right to), so no account key is needed.
  {
    name: 'Storage__BlobServiceUri'
    value: 'https://${storage.name}.blob.${environment().suffixes.storage}'
  }
  // Serverless SignalR: client negotiate tokens and REST calls must be HS256 JWTs signed with
  // the AccessKey, so the app needs the key itself. It is read here with listKeys() and written
  // straight into the app setting: never a parameter, never an output.
  {
    name: 'SignalR__ConnectionString'
    value: 'Endpoint=https://${signalR.properties.hostName};AccessKey=${signalR.listKeys().primaryKey};Version=1.0;'
  }
  {
    name: 'SignalR__HubName'
    value: signalRHubName
  }
  {
    name: 'Sessions__SigningKey'
    value: sessionSigningKey
  }
  {
    name: 'Identity__UserIdSecret'
    value: userIdVerificationSecret
  }
  {
    name: 'Identity__AllowUnverifiedUserIds'
    value: string(allowUnverifiedUserIds)
  }
  {
    name: 'Admin__ApiKey'
    value: adminApiKey
  }
  // The app believes App Service's X-MS-CLIENT-PRINCIPAL header only when Easy Auth is really in front of it.
  {
    name: 'Admin__EasyAuthEnabled'
    value: string(easyAuth)
  }
  {
    name: 'Admin__EasyAuthRole'
    value: entraAdminRole
  }
  {
    name: 'Webhooks__SigningSecret'
    value: webhookSigningSecret
  }
  {
    name: 'Recipes__DefaultRecipeId'
    value: defaultRecipeId
  }
  {
    name: 'Rooms__InactivityTimeout'
    value: roomInactivityTimeout
  }
  {
    name: 'Rooms__AgentInactivityTimeout'
    value: agentRoomInactivityTimeout
  }
  {
    name: 'Cors__AllowedOrigins'
    value: join(allowedOrigins, ',')
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsights.properties.ConnectionString
  }
  // The host sends its telemetry with the identity (Monitoring Metrics Publisher).
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

// Windows Consumption only. Flex Consumption rejects these: its runtime lives in
// functionAppConfig and it has no content share.
var windowsConsumptionAppSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'dotnet-isolated'
  }
  // Y1 keeps the app content on an Azure Files share that is mounted with the account key;
  // identities are not supported for it (see the shared key note in storage.bicep).
  {
    name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'
  }
  {
    name: 'WEBSITE_CONTENTSHARE'
    value: contentShareName
  }
  // Cold-start optimisation for .NET isolated on Windows.
  {
    name: 'WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED'
    value: '1'
  }
]

resource flexPlan 'Microsoft.Web/serverfarms@2024-11-01' = if (isFlex) {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource windowsPlan 'Microsoft.Web/serverfarms@2024-11-01' = if (!isFlex) {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: false // Windows
  }
}

resource flexApp 'Microsoft.Web/sites@2024-11-01' = if (isFlex) {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: appIdentity
  properties: {
    serverFarmId: flexPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: cors
      appSettings: commonAppSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // One warm instance for the durable group keeps room orchestrations answering without
        // a cold start; it is billed as baseline even when idle.
        alwaysReady: durableAlwaysReadyInstanceCount > 0
          ? [
              {
                name: 'durable'
                instanceCount: durableAlwaysReadyInstanceCount
              }
            ]
          : []
      }
    }
  }

  resource ftpPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// App Service authentication (Easy Auth) with Entra ID. Anonymous requests go through: the widget, the visitor and
// agent APIs and the consoles must stay public. For a signed-in user the platform adds X-MS-CLIENT-PRINCIPAL (and
// strips any a client sent); the app itself refuses admin routes to a principal without the role. No client secret:
// the sign-in uses the ID token (the app registration must issue ID tokens), so there is no secret to rotate.
var authSettings = {
  platform: {
    enabled: true
  }
  globalValidation: {
    requireAuthentication: false
    unauthenticatedClientAction: 'AllowAnonymous'
  }
  httpSettings: {
    requireHttps: true
  }
  identityProviders: {
    azureActiveDirectory: {
      enabled: true
      registration: {
        clientId: entraClientId
        openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
      }
      validation: {
        allowedAudiences: [
          entraClientId
          'api://${entraClientId}'
        ]
      }
    }
  }
  login: {
    tokenStore: {
      enabled: false
    }
  }
}

resource flexAuth 'Microsoft.Web/sites/config@2024-11-01' = if (isFlex && easyAuth) {
  parent: flexApp
  name: 'authsettingsV2'
  properties: authSettings
}

resource windowsApp 'Microsoft.Web/sites@2024-11-01' = if (!isFlex) {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
  identity: appIdentity
  properties: {
    serverFarmId: windowsPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      netFrameworkVersion: 'v10.0'
      use32BitWorkerProcess: false
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: cors
      // Set at creation: Y1 needs its content share settings when the site is created.
      appSettings: concat(windowsConsumptionAppSettings, commonAppSettings)
    }
  }

  resource ftpPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

resource windowsAuth 'Microsoft.Web/sites/config@2024-11-01' = if (!isFlex && easyAuth) {
  parent: windowsApp
  name: 'authsettingsV2'
  properties: authSettings
}

@description('Name of the function app.')
output name string = name

@description('Name of the App Service plan.')
output planName string = planName

@description('Default host name of the function app (no scheme).')
output defaultHostName string = isFlex ? flexApp!.properties.defaultHostName : windowsApp!.properties.defaultHostName
