#!/bin/sh
# azd postdeploy hook: connects the inbox container to the deployed IngestNewsBlob
# function through Event Grid.
#
# The Event Grid webhook needs the host's blobs_extension system key, which exists only
# after code with an Event Grid blob trigger is deployed and the host has started, and
# Event Grid validates the endpoint when the subscription is created. So this runs after
# `azd deploy`, on every `azd up` / `azd deploy`: it waits for the key, then deploys
# infra/app/eventgrid-subscription.bicep into the resource group (idempotent). Later
# `azd provision` runs leave the subscription in place (incremental deployment).
# azd passes the provision outputs (AZURE_RESOURCE_GROUP, ...) as environment variables.
set -eu

for cmd in az; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "postdeploy: '$cmd' is not installed; see docs/deploy.md" >&2
    exit 1
  fi
done

: "${AZURE_RESOURCE_GROUP:?missing; run azd provision first}"
: "${AZURE_FUNCTION_APP_NAME:?missing; run azd provision first}"
: "${AZURE_FUNCTION_APP_URL:?missing; run azd provision first}"
: "${EVENTGRID_SYSTEM_TOPIC_NAME:?missing; run azd provision first}"
: "${EVENTGRID_SUBSCRIPTION_NAME:?missing; run azd provision first}"
: "${INBOX_CONTAINER:?missing; run azd provision first}"
: "${BLOB_TRIGGER_FUNCTION_NAME:?missing; run azd provision first}"

echo "postdeploy: waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME"
attempt=0
key=""
while [ -z "$key" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -gt 30 ]; then
    echo "postdeploy: no blobs_extension key after 5 minutes. Check that the deployed code has a" >&2
    echo "blob trigger with Source = BlobTriggerSource.EventGrid and that the app starts, then run 'azd deploy' again." >&2
    exit 1
  fi
  # Any request wakes the host (Flex Consumption scales to zero).
  if command -v curl >/dev/null 2>&1; then
    curl --silent --output /dev/null --max-time 30 "$AZURE_FUNCTION_APP_URL" || true
  fi
  key="$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query systemKeys.blobs_extension --output tsv 2>/dev/null || true)"
  [ -n "$key" ] || sleep 10
done

echo "postdeploy: creating Event Grid subscription $EVENTGRID_SUBSCRIPTION_NAME (BlobCreated in $INBOX_CONTAINER)"
az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name eventgrid-subscription \
  --template-file infra/app/eventgrid-subscription.bicep \
  --parameters \
    systemTopicName="$EVENTGRID_SYSTEM_TOPIC_NAME" \
    subscriptionName="$EVENTGRID_SUBSCRIPTION_NAME" \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    functionName="$BLOB_TRIGGER_FUNCTION_NAME" \
    inboxContainerName="$INBOX_CONTAINER" \
  --output none

echo "postdeploy: blobs created in '$INBOX_CONTAINER' now trigger $BLOB_TRIGGER_FUNCTION_NAME"
