// Azure SignalR Service in Serverless mode: the function app publishes through the data-plane
// REST API and hands clients negotiate tokens; no hub server keeps connections open.

@description('Name of the SignalR Service resource (globally unique).')
@minLength(3)
@maxLength(63)
param name string

@description('Azure region of the SignalR Service.')
param location string

@description('Tags applied to the SignalR Service.')
param tags object = {}

@description('Pricing tier. Standard_S1: 1,000 connections and 1 million messages a day per unit. Free_F1: 20 connections and 20,000 messages a day, no SLA: for trials only.')
@allowed([
  'Standard_S1'
  'Free_F1'
])
param skuName string = 'Standard_S1'

@description('Units of Standard_S1 (each adds 1,000 concurrent connections). Free_F1 always has 1.')
@minValue(1)
@maxValue(100)
param capacity int = 1

@description('Origins (scheme://host[:port]) of the customer sites that embed the widget; browsers there open SignalR client connections.')
@minLength(1)
param allowedOrigins array

var isFree = skuName == 'Free_F1'

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SignalR'
  sku: {
    name: skuName
    tier: isFree ? 'Free' : 'Standard'
    capacity: isFree ? 1 : capacity
  }
  properties: {
    features: [
      {
        flag: 'ServiceMode'
        value: 'Serverless'
      }
      {
        flag: 'EnableConnectivityLogs'
        value: 'True'
      }
      {
        flag: 'EnableMessagingLogs'
        value: 'False'
      }
    ]
    cors: {
      allowedOrigins: allowedOrigins
    }
    tls: {
      clientCertEnabled: false
    }
    publicNetworkAccess: 'Enabled'
    // Local (AccessKey) auth stays on: in serverless mode the app signs the client negotiate
    // tokens and its REST calls as HS256 JWTs with the AccessKey. Entra auth stays on as well
    // (the identity holds SignalR App Server) for a later move to identity-based REST calls.
    disableLocalAuth: false
    disableAadAuth: false
  }
}

@description('Name of the SignalR Service resource.')
output name string = signalR.name

@description('Host name of the SignalR Service (no scheme).')
output hostName string = signalR.properties.hostName
