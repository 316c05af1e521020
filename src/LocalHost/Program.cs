using Ingest.LocalHost;
using Microsoft.Extensions.Hosting;

await IngestLocalHost.CreateBuilder(args).Build().RunAsync();
