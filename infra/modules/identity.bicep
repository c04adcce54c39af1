// User-assigned managed identity the function app runs as. It is created before the app so that
// its role assignments (rbac.bicep) exist by the time the host first starts.

@description('Name of the user-assigned managed identity.')
@minLength(3)
@maxLength(128)
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Client (application) id of the identity, used in *__clientId app settings.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity, used in role assignments.')
output principalId string = identity.properties.principalId
