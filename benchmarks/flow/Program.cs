using System.Diagnostics;
using RSharp.Flow;
using RSharp.Flow.Algorithms;

// Usage: dotnet run -c Release --project benchmarks/flow [-- [assembly.dll] [rounds]]
var path = args.Length > 0 ? args[0] : typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location;
int rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
Console.WriteLine($"flow graphs of {Path.GetFileName(path)}, {rounds} rounds, {Environment.ProcessorCount} cores");

for (int round = 1; round <= rounds; round++)
{
    var total = Stopwatch.StartNew();
    using var assembly = FlowAssembly.Load(path);
    var load = total.Elapsed;
    int graphs = 0, failed = 0, blocks = 0;
    var build = Stopwatch.StartNew();
    foreach (var method in assembly.MethodsWithBodies())
    {
        try
        {
            var g = FlowAssembly.BuildChecked(method);
            graphs++;
            blocks += g.IterBlocks().Count;
        }
        catch (GraphBuildException) { failed++; }
    }
    build.Stop();
    var simplify = Stopwatch.StartNew();
    foreach (var method in assembly.MethodsWithBodies())
        Simplify.All(FlowAssembly.BuildChecked(method));
    simplify.Stop();
    Console.WriteLine($"round {round}: load {load.TotalMilliseconds:F0} ms; build+check {graphs} graphs ({blocks} blocks, {failed} unsupported) "
                      + $"in {build.Elapsed.TotalMilliseconds:F0} ms = {graphs / build.Elapsed.TotalSeconds:F0} graphs/s; "
                      + $"build+check+simplify {simplify.Elapsed.TotalMilliseconds:F0} ms; whole round {total.Elapsed.TotalMilliseconds:F0} ms");
}
