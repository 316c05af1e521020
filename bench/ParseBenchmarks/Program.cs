using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ingest.ParseBenchmarks;

if (args is ["feed-memory", ..])
{
    await FeedMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

// In-process: the project's assembly name (Ingest.*) differs from its file name, which the
// out-of-process toolchain needs to match. Ten measured iterations give a usable median and p95.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95);
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ArticleParsing).Assembly).Run(args, config);
