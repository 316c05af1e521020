# azd postdeploy hook (Windows): same steps as postdeploy.sh. Connects the inbox container
# to the deployed IngestNewsBlob function through Event Grid once the blobs_extension key
# exists (deploys infra/app/eventgrid-subscription.bicep; idempotent).
$ErrorActionPreference = 'Stop'

foreach ($cmd in 'az') {
    if (-not (Get-Command $cmd -ErrorAction SilentlyContinue)) {
        throw "postdeploy: '$cmd' is not installed; see docs/deploy.md"
    }
}
foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_FUNCTION_APP_URL',
    'EVENTGRID_SYSTEM_TOPIC_NAME', 'EVENTGRID_SUBSCRIPTION_NAME', 'INBOX_CONTAINER', 'BLOB_TRIGGER_FUNCTION_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "postdeploy: $name missing; run azd provision first" }
}

Write-Host "postdeploy: waiting for the blobs_extension key of $env:AZURE_FUNCTION_APP_NAME"
$key = ''
for ($attempt = 1; -not $key; $attempt++) {
    if ($attempt -gt 30) {
        throw "postdeploy: no blobs_extension key after 5 minutes. Check that the deployed code has a blob trigger with Source = BlobTriggerSource.EventGrid and that the app starts, then run 'azd deploy' again."
    }
    try { Invoke-WebRequest -Uri $env:AZURE_FUNCTION_APP_URL -TimeoutSec 30 -UseBasicParsing | Out-Null } catch { }
    $key = az functionapp keys list --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME `
        --query systemKeys.blobs_extension --output tsv 2>$null
    if (-not $key) { Start-Sleep -Seconds 10 }
}

Write-Host "postdeploy: creating Event Grid subscription $env:EVENTGRID_SUBSCRIPTION_NAME (BlobCreated in $env:INBOX_CONTAINER)"
az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name eventgrid-subscription `
    --template-file infra/app/eventgrid-subscription.bicep `
    --parameters systemTopicName=$env:EVENTGRID_SYSTEM_TOPIC_NAME subscriptionName=$env:EVENTGRID_SUBSCRIPTION_NAME `
        functionAppName=$env:AZURE_FUNCTION_APP_NAME functionName=$env:BLOB_TRIGGER_FUNCTION_NAME `
        inboxContainerName=$env:INBOX_CONTAINER `
    --output none
if ($LASTEXITCODE -ne 0) { throw "postdeploy: az deployment group create failed" }

Write-Host "postdeploy: blobs created in '$env:INBOX_CONTAINER' now trigger $env:BLOB_TRIGGER_FUNCTION_NAME"
