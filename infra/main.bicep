// Livechat backend on Azure: Functions (.NET 10 isolated, Durable Functions), Azure SignalR
// Service (serverless), Table Storage, Application Insights. Deploy into a resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// This file only composes the modules; every resource is declared in infra/modules/.

targetScope = 'resourceGroup'

// ---------- Environment ----------

@description('Short environment name (dev, test, prod...). Seeds the unique name token and the tags.')
@minLength(1)
@maxLength(24)
param environmentName string

@description('Azure region of all resources. Pick one that offers Flex Consumption when planKind is FlexConsumption.')
@minLength(1)
param location string = resourceGroup().location

@description('Extra tags applied to every resource.')
param tags object = {}

// ---------- Hosting ----------

@description('Function app hosting plan. FlexConsumption (FC1, Linux) is the default; WindowsConsumption (Y1) is the classic plan. Linux Consumption is not offered (.NET 9 at most, retires 30 September 2028).')
@allowed([
  'FlexConsumption'
  'WindowsConsumption'
])
param planKind string = 'FlexConsumption'

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

@description('Flex Consumption: always-ready instances for the durable group (billed as baseline); 0 lets it scale to zero.')
@minValue(0)
@maxValue(20)
param durableAlwaysReadyInstanceCount int = 1

// ---------- Application ----------

@description('Origins (scheme://host[:port], no path, no trailing slash) of the customer sites that embed the widget. Used by the app itself for CORS (Cors__AllowedOrigins) and by the SignalR CORS; platform CORS stays off.')
@minLength(1)
param allowedOrigins array

@description('Days an attachment is kept in Blob Storage before the lifecycle rule deletes it.')
@minValue(1)
@maxValue(3650)
param attachmentRetentionDays int = 90

@description('Durable Functions task hub name (host.json reads %TaskHubName%). Letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'livechat'

@description('Recipe a chat runs when the page did not call setRecipe() (Recipes__DefaultRecipeId).')
@minLength(1)
param defaultRecipeId string = 'welcome'

@description('A room the bot holds ends after this long without activity, as a .NET TimeSpan hh:mm:ss (Rooms__InactivityTimeout).')
@minLength(8)
param roomInactivityTimeout string = '00:30:00'

@description('A room waiting for or held by an agent ends after this long without activity, as a .NET TimeSpan d.hh:mm:ss; 00:00:00 never (Rooms__AgentInactivityTimeout).')
@minLength(8)
param agentRoomInactivityTimeout string = '1.00:00:00'

@description('HS256 key the app signs visitor session tokens with (Sessions__SigningKey). At least 32 characters, e.g. `openssl rand -base64 48`.')
@secure()
@minLength(32)
param sessionSigningKey string

@description('Secret the customer\'s server uses to sign setUserId() ids (Identity__UserIdSecret). Required: without it any visitor could claim any user id.')
@secure()
@minLength(32)
param userIdVerificationSecret string

@description('Trust setUserId(id) without proof (Identity__AllowUnverifiedUserIds): any visitor may then claim any user id. Off unless you opt out explicitly.')
param allowUnverifiedUserIds bool = false

@description('Secret that signs recipe webhook calls (Webhooks__SigningSecret); receivers verify X-Livechat-Signature with it. At least 32 characters.')
@secure()
@minLength(32)
param webhookSigningSecret string

@description('API key for the admin (dashboard) API (Admin__ApiKey). At least 32 characters.')
@secure()
@minLength(32)
param adminApiKey string

// ---------- Dashboard sign-in (optional) ----------

@description('Application (client) id of the Entra ID app registration the dashboard signs in with (App Service authentication); empty = no Microsoft sign-in, the admin key only.')
@maxLength(36)
param entraClientId string = ''

@description('Tenant of that app registration; the deployment\'s tenant unless given.')
param entraTenantId string = tenant().tenantId

@description('App role value (or group object id) a signed-in user needs to use the dashboard and the admin API (Admin__EasyAuthRole).')
@minLength(1)
@maxLength(200)
param entraAdminRole string = 'Livechat.Admin'

// ---------- SignalR ----------

@description('Azure SignalR Service tier: Standard_S1 (1,000 connections per unit) or Free_F1 (20 connections, trials only).')
@allowed([
  'Standard_S1'
  'Free_F1'
])
param signalRSku string = 'Standard_S1'

@description('Units of Standard_S1; ignored for Free_F1.')
@minValue(1)
@maxValue(100)
param signalRCapacity int = 1

// ---------- Monitoring ----------

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Application Insights accepts only Entra-authenticated telemetry. Keep false unless the worker\'s exporter is given a TokenCredential.')
param applicationInsightsDisableLocalAuth bool = false

// ---------- Name overrides (empty = generated) ----------

@description('Function app name; empty = func-livechat-<token>.')
@maxLength(60)
param functionAppName string = ''

@description('App Service plan name; empty = plan-livechat-<token>.')
@maxLength(60)
param appServicePlanName string = ''

@description('Storage account name (3-24 lowercase letters and digits); empty = st<token>.')
@maxLength(24)
param storageAccountName string = ''

@description('SignalR Service name; empty = sigr-livechat-<token>.')
@maxLength(63)
param signalRName string = ''

@description('Application Insights name; empty = appi-livechat-<token>.')
@maxLength(260)
param applicationInsightsName string = ''

@description('Log Analytics workspace name; empty = log-livechat-<token>.')
@maxLength(63)
param logAnalyticsName string = ''

@description('User-assigned identity name; empty = id-livechat-<token>.')
@maxLength(128)
param userAssignedIdentityName string = ''

// ---------- Names ----------

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName))
var allTags = union(tags, {
  application: 'livechat'
  environment: environmentName
})

var names = {
  functionApp: !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}livechat-${resourceToken}'
  plan: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}livechat-${resourceToken}'
  storage: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
  signalR: !empty(signalRName) ? signalRName : '${abbrs.signalRServiceSignalR}livechat-${resourceToken}'
  applicationInsights: !empty(applicationInsightsName)
    ? applicationInsightsName
    : '${abbrs.insightsComponents}livechat-${resourceToken}'
  logAnalytics: !empty(logAnalyticsName)
    ? logAnalyticsName
    : '${abbrs.operationalInsightsWorkspaces}livechat-${resourceToken}'
  identity: !empty(userAssignedIdentityName)
    ? userAssignedIdentityName
    : '${abbrs.managedIdentityUserAssignedIdentities}livechat-${resourceToken}'
  deploymentContainer: 'app-package-${resourceToken}'
}

// ---------- Modules ----------

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
    disableLocalAuth: applicationInsightsDisableLocalAuth
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    planKind: planKind
    deploymentContainerName: names.deploymentContainer
    contentShareName: toLower(take(names.functionApp, 63))
    allowedOrigins: allowedOrigins
    attachmentRetentionDays: attachmentRetentionDays
  }
}

module signalR 'modules/signalr.bicep' = {
  name: 'signalr'
  params: {
    name: names.signalR
    location: location
    tags: allTags
    skuName: signalRSku
    capacity: signalRCapacity
    allowedOrigins: allowedOrigins
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    signalRName: signalR.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    planKind: planKind
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    contentShareName: storage.outputs.contentShareName
    signalRName: signalR.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    allowedOrigins: allowedOrigins
    taskHubName: taskHubName
    defaultRecipeId: defaultRecipeId
    roomInactivityTimeout: roomInactivityTimeout
    agentRoomInactivityTimeout: agentRoomInactivityTimeout
    sessionSigningKey: sessionSigningKey
    userIdVerificationSecret: userIdVerificationSecret
    allowUnverifiedUserIds: allowUnverifiedUserIds
    adminApiKey: adminApiKey
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    entraAdminRole: entraAdminRole
    webhookSigningSecret: webhookSigningSecret
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    durableAlwaysReadyInstanceCount: durableAlwaysReadyInstanceCount
  }
  // The host must find its storage, SignalR and telemetry roles in place when it first starts.
  dependsOn: [
    rbac
  ]
}

// ---------- Outputs (no keys, secrets or connection strings) ----------

@description('Base URL of the function app.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('URL of the widget script customers embed in their pages.')
output widgetScriptUrl string = 'https://${functionApp.outputs.defaultHostName}/api/widget.js'

@description('Endpoint of the Azure SignalR Service.')
output signalREndpoint string = 'https://${signalR.outputs.hostName}'

@description('Hosting plan the app was deployed on.')
output planKind string = planKind

@description('Name of the function app (publish target).')
output functionAppName string = functionApp.outputs.name

@description('Name of the App Service plan.')
output appServicePlanName string = functionApp.outputs.planName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the SignalR Service.')
output signalRName string = signalR.outputs.name

@description('Name of the Application Insights component.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName

@description('Name of the Log Analytics workspace.')
output logAnalyticsName string = monitoring.outputs.logAnalyticsName

@description('Name of the user-assigned identity the app runs as.')
output userAssignedIdentityName string = identity.outputs.name

@description('Client id of the user-assigned identity.')
output userAssignedIdentityClientId string = identity.outputs.clientId
