using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/TagBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
