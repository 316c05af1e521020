// BlobCreated subscription: new blobs in the inbox container are delivered to the blob
// extension's webhook on the function app, which runs the IngestNewsBlob trigger
// (BlobTrigger with Source = EventGrid).
//
// The webhook key (systemKeys.blobs_extension) exists only once code with an Event Grid
// blob trigger has been deployed and the host has started, and Event Grid validates the
// endpoint when the subscription is created. This file is therefore deployed after the
// code (by infra/hooks/postdeploy.*, or from main.bicep when
// enableBlobEventSubscription is true), and can be deployed on its own with
// `az deployment group create --template-file infra/app/eventgrid-subscription.bicep`.
@description('Name of the existing Event Grid system topic on the storage account.')
param systemTopicName string

@description('Name of the event subscription.')
param subscriptionName string = 'inbox-blob-created'

@description('Name of the existing function app.')
param functionAppName string

@description('Name of the blob-triggered function (the [Function] name).')
param functionName string = 'IngestNewsBlob'

@description('Container whose new blobs trigger the function.')
param inboxContainerName string = 'news-inbox'

@description('Blob REST operations that count as a new file: single put, block list commit, copy.')
param apiNames string[] = [
  'PutBlob'
  'PutBlockList'
  'CopyBlob'
]

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Microsoft.Web/sites/host has no Bicep type definitions; call listKeys on its id.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${inboxContainerName}/'
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: apiNames
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output subscriptionName string = blobCreated.name
