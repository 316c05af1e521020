using System.Net;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.LocalHost;

/// <summary>
/// The Atom feed of recent digests on Kestrel, at <c>{FeedUrl}/api/feeds/digests[/{watch}]</c>: the
/// same route as the Functions app's <c>DigestFeed</c> HTTP trigger.
/// </summary>
public static class FeedEndpoint
{
    public const string Route = "/api/feeds/digests/{watch?}";

    public static void Configure(IWebHostBuilder web)
    {
        web.UseKestrel((context, kestrel) =>
        {
            var url = new Uri(context.Configuration["FeedUrl"] ?? "http://127.0.0.1:7080");
            if (url.IsLoopback && !IPAddress.TryParse(url.Host, out _))
            {
                kestrel.ListenLocalhost(url.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(url.Host), url.Port);
            }
        });
        web.ConfigureServices(services => services.AddRouting());
        web.Configure(app =>
        {
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet(Route, async (string? watch, DigestFeed feed, HttpContext http, CancellationToken cancellationToken) =>
                watch is not null && !WatchId.IsValid(watch)
                    ? Results.NotFound()
                    : Results.Content(
                        await feed.RenderAsync(new Uri(http.Request.GetDisplayUrl()), watch, DigestFeed.DefaultEntries, cancellationToken),
                        "application/atom+xml; charset=utf-8")));
        });
    }
}
