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

@description('Private blob container of the chat attachments, one folder a room (Storage__AttachmentsContainer).')
@minLength(3)
@maxLength(63)
param attachmentsContainerName string = 'attachments'

@description('Days after its upload that an attachment is deleted by the lifecycle rule; a room erased sooner loses its files at once.')
@minValue(1)
@maxValue(3650)
param attachmentRetentionDays int = 90

@description('Origins of the customer sites whose pages upload attachments straight to the blob service (blob CORS).')
param allowedOrigins array = []

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
  'Brands'
  'CannedResponses'
  'WebhookSubscriptions'
  'WebhookEvents'
  'WebhookDeadLetters'
  'AuditLog'
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
    properties: {
      // The widget PUTs a file through its upload link and shows images from their read links, from the customer's page.
      cors: {
        corsRules: empty(allowedOrigins) ? [] : [
          {
            allowedOrigins: allowedOrigins
            allowedMethods: [
              'GET'
              'HEAD'
              'PUT'
              'OPTIONS'
            ]
            allowedHeaders: [
              'content-type'
              'x-ms-*'
            ]
            exposedHeaders: [
              'etag'
              'x-ms-request-id'
            ]
            maxAgeInSeconds: 3600
          }
        ]
      }
    }

    resource attachmentsContainer 'containers' = {
      name: attachmentsContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  // Attachments are not kept forever: each blob goes this many days after it was written.
  resource managementPolicies 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-old-attachments'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  '${attachmentsContainerName}/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: attachmentRetentionDays
                  }
                }
              }
            }
          }
        ]
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

@description('Name of the attachments container.')
output attachmentsContainerName string = storage::blobServices::attachmentsContainer.name

@description('Name of the deployment package container.')
output deploymentContainerName string = storage::blobServices::deploymentContainer.name

@description('Name of the Azure Files content share (Windows Consumption only).')
output contentShareName string = contentShareName
