using BenchmarkDotNet.Running;

namespace Vigil.Benchmarks;

/// <summary>dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
