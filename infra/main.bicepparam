// Parameters for infra/main.bicep. No secret is stored here: the secure values are read from
// environment variables when the file is compiled (az deployment ... -p infra/main.bicepparam).
//   export LIVECHAT_SESSION_SIGNING_KEY="$(openssl rand -base64 48)"
//   export LIVECHAT_ADMIN_API_KEY="$(openssl rand -base64 48)"
//   export LIVECHAT_USER_ID_SECRET="$(openssl rand -base64 48)"   # your server signs setUserId ids with it
//   export LIVECHAT_ALLOWED_ORIGINS="https://www.contoso.com,https://shop.contoso.com"
using './main.bicep'

param environmentName = readEnvironmentVariable('LIVECHAT_ENVIRONMENT_NAME', 'dev')

param planKind = 'FlexConsumption'

// The customer's site origins (comma-separated in the variable). The placeholder only lets the
// file compile; set the real origins before deploying.
param allowedOrigins = split(readEnvironmentVariable('LIVECHAT_ALLOWED_ORIGINS', 'https://www.example.com'), ',')

param taskHubName = 'livechat'
param defaultRecipeId = 'welcome'
param roomInactivityTimeout = '00:30:00'
param agentRoomInactivityTimeout = '1.00:00:00'

param signalRSku = 'Standard_S1'
param signalRCapacity = 1

param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param durableAlwaysReadyInstanceCount = 1

param logRetentionInDays = 30

// Dashboard sign-in with Microsoft Entra ID (App Service authentication): the app registration's client id, or empty
// for the admin key only. See the README's "Dashboard sign-in".
param entraClientId = readEnvironmentVariable('LIVECHAT_ENTRA_CLIENT_ID', '')

// Secrets: from the environment only.
param sessionSigningKey = readEnvironmentVariable('LIVECHAT_SESSION_SIGNING_KEY')
param adminApiKey = readEnvironmentVariable('LIVECHAT_ADMIN_API_KEY')
param webhookSigningSecret = readEnvironmentVariable('LIVECHAT_WEBHOOK_SIGNING_SECRET')
param userIdVerificationSecret = readEnvironmentVariable('LIVECHAT_USER_ID_SECRET')
