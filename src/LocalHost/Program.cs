using Ingest.LocalHost;
using Microsoft.Extensions.Hosting;

var host = IngestLocalHost.CreateBuilder(args).Build();
try
{
    await host.RunAsync();
}
catch (InvalidOperationException ex) when (ex.Message.Contains("timer has already been stopped", StringComparison.Ordinal))
{
    // The WebJobs SDK's blob listener releases its singleton lock a second time while the host is
    // disposed, after it has already stopped cleanly; nothing is left undone, so exit normally.
}
