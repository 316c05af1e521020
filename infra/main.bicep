// Ingest: news ingestion and keyword alerting on Azure Functions (Flex Consumption).
// Entry point for `azd provision` / `azd up`. Creates one resource group holding:
// storage (identity-only), a user-assigned identity with data-plane roles, monitoring,
// a Flex Consumption plan and function app, and an Event Grid system topic on the storage
// account. The BlobCreated subscription that feeds the inbox blob trigger is created by the
// postdeploy hook (infra/hooks) once the code is deployed, because its webhook key only
// exists then; set enableBlobEventSubscription to declare it here as well (only for an
// environment whose function app already runs the code).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group name and to derive a unique token for resource names.')
param environmentName string

@minLength(1)
@description('Primary location for all resources. Must be a region that offers the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional resource group name; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or principal running the deployment. Gets data-plane access to the storage account (upload to the inbox, inspect tables and queues). Empty to skip.')
param principalId string = deployer().objectId

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// ---- Application settings contract (names and defaults mirror the app's settings) ----

@description('Blob container watched by the IngestNewsBlob trigger.')
param inboxContainerName string = 'news-inbox'

@description('Blob container that receives composed digests.')
param archiveContainerName string = 'digest-archive'

@description('Blob container for files that failed to parse.')
param quarantineContainerName string = 'news-quarantine'

@description('Blob container for article bodies.')
param bodyContainerName string = 'article-bodies'

@description('Storage queue that receives digest notifications.')
param digestQueueName string = 'digest-notifications'

@description('NCRONTAB expression (with seconds) for the EmitDigests timer trigger.')
param digestSchedule string = '0 0 * * * *'

@description('NCRONTAB expression (with seconds) for the ReconcileInbox sweep, which ingests blobs whose events were lost.')
param reconcileSchedule string = '0 */5 * * * *'

@description('Table names used by the app.')
param articlesTableName string = 'articles'
param hitsTableName string = 'keywordhits'
param watchesTableName string = 'watches'
param digestStateTableName string = 'digeststate'
param quarantineTableName string = 'quarantine'
param ledgerTableName string = 'inboxledger'

// ---- Hosting ----

@description('Memory size of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on the number of instances the app scales out to (Flex Consumption allows 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Also declare the Event Grid BlobCreated subscription here. Only for an environment whose function app already runs the code: the subscription needs the deployed code\'s blobs_extension key, so a first provision fails with true. By default the postdeploy hook creates it.')
param enableBlobEventSubscription bool = false

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}ingest-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var systemTopicName = '${abbrs.eventGridSystemTopics}storage-${resourceToken}'
var blobTriggerFunctionName = 'IngestNewsBlob'
var blobTriggerPoisonQueueName = 'webjobs-blobtrigger-poison'
var eventSubscriptionName = 'inbox-blob-created'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}ingest-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      inboxContainerName
      archiveContainerName
      quarantineContainerName
      bodyContainerName
    ]
    queueNames: [
      digestQueueName
      blobTriggerPoisonQueueName
    ]
    tableNames: [
      articlesTableName
      hitsTableName
      watchesTableName
      digestStateTableName
      quarantineTableName
      ledgerTableName
    ]
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      InboxContainer: inboxContainerName
      DigestSchedule: digestSchedule
      ArchiveContainer: archiveContainerName
      QuarantineContainer: quarantineContainerName
      BodyContainer: bodyContainerName
      DigestQueue: digestQueueName
      ArticlesTable: articlesTableName
      HitsTable: hitsTableName
      WatchesTable: watchesTableName
      DigestStateTable: digestStateTableName
      QuarantineTable: quarantineTableName
      LedgerTable: ledgerTableName
      ReconcileSchedule: reconcileSchedule
    }
  }
  // The host must be able to reach storage and App Insights as soon as it starts.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    systemTopicName: systemTopicName
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module blobEventSubscription 'app/eventgrid-subscription.bicep' = if (enableBlobEventSubscription) {
  name: 'eventgrid-subscription'
  scope: rg
  params: {
    systemTopicName: eventGrid.outputs.systemTopicName
    subscriptionName: eventSubscriptionName
    functionAppName: api.outputs.name
    functionName: blobTriggerFunctionName
    inboxContainerName: inboxContainerName
  }
}

// ---- Outputs (azd stores these in .azure/<env>/.env and passes them to hooks) ----
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = api.outputs.url
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output INBOX_CONTAINER string = inboxContainerName
output ARCHIVE_CONTAINER string = archiveContainerName
output QUARANTINE_CONTAINER string = quarantineContainerName
output BODY_CONTAINER string = bodyContainerName
output DIGEST_QUEUE string = digestQueueName
output BLOB_TRIGGER_FUNCTION_NAME string = blobTriggerFunctionName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output EVENTGRID_SUBSCRIPTION_NAME string = eventSubscriptionName
