using BenchmarkDotNet.Running;
using Ingest.Benchmarks;

// dotnet run -c Release --project bench/Benchmarks -- --filter '*' --job short
// Benchmarks run in this process (--inProcess is added when not given): BenchmarkDotNet's default
// separate-process toolchain looks for a project named after the assembly (Ingest.Benchmarks.csproj),
// and this project keeps the short folder name like every other.
if (args is ["quick", ..])
{
    QuickLook.Run([.. args.Skip(1).Select(int.Parse)]);
    return;
}

var types = new List<Type> { typeof(MatcherBenchmarks), typeof(CompileBenchmarks), typeof(NearChainBenchmarks) };
if (BbcBenchmarks.CorpusFolder() is null)
{
    Console.WriteLine("Skipping the BBC corpus benchmarks: ../shared/corpus/bbc is not beside this clone.");
}
else
{
    types.Add(typeof(BbcBenchmarks));
}

string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromTypes([.. types]).Run(arguments);
