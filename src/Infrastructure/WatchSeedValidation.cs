using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure;

/// <summary>Stops start-up when a seed watch is invalid, saying which and why (e.g. where its expression fails to parse).</summary>
public sealed class WatchSeedValidation : IValidateOptions<WatchOptions>
{
    public ValidateOptionsResult Validate(string? name, WatchOptions options)
    {
        try
        {
            _ = options.SeedWatches();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Watches:Seed has an invalid watch: {ex.Message} Each needs a Name, an Expression (or legacy Keywords), and an Id of lower-case letters, digits and hyphens.");
        }
    }
}
