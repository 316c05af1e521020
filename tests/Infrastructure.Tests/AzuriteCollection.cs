using Ingest.TestSupport;

namespace Ingest.Infrastructure.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
