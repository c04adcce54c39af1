// Storage account for the Functions host (AzureWebJobsStorage, Durable Functions task hub),
// the Flex Consumption deployment package and the app's own tables.

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object = {}

@description('Hosting plan of the function app; decides whether shared key access must stay on.')
@allowed([
  'FlexConsumption'
  'WindowsConsumption'
])
param planKind string

@description('Blob container that holds the Flex Consumption deployment package.')
@minLength(3)
@maxLength(63)
param deploymentContainerName string

@description('Azure Files share holding the app content on Windows Consumption (WEBSITE_CONTENTSHARE): 3-63 lowercase letters, digits and single hyphens. Ignored on Flex Consumption.')
@maxLength(63)
param contentShareName string

@description('Tables the application reads and writes through its managed identity.')
@minLength(1)
param tableNames array = [
  'Sessions'
  'Users'
  'Rooms'
  'CustomFields'
  'Recipes'
  'AgentQueues'
  'IdleRoomClocks'
  'AgentTokens'
  'Departments'
  'RateCounters'
  'Conversations'
  'AgentInvitations'
  'AgentActivity'
]

var isWindowsConsumption = planKind == 'WindowsConsumption'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    // Trade-off: everything here reaches storage through the managed identity, so shared key
    // (account key) access is off. The one exception is Windows Consumption (Y1): its app content
    // lives on an Azure Files share that the platform mounts with a connection string
    // (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING), and Azure Files content shares cannot use an
    // identity. Only that plan turns shared key on; Flex Consumption keeps it off.
    allowSharedKeyAccess: isWindowsConsumption
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource tableServices 'tableServices' = {
    name: 'default'

    resource appTables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }

  resource fileServices 'fileServices' = if (isWindowsConsumption) {
    name: 'default'

    resource contentShare 'shares' = {
      name: contentShareName
    }
  }
}

@description('Name of the storage account.')
output name string = storage.name

@description('Resource id of the storage account.')
output id string = storage.id

@description('Name of the deployment package container.')
output deploymentContainerName string = storage::blobServices::deploymentContainer.name

@description('Name of the Azure Files content share (Windows Consumption only).')
output contentShareName string = contentShareName
