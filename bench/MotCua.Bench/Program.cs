using MotCua.Bench;

// Add a scenario by writing an IScenario in its own file and listing it here.
IScenario[] scenarios = [new SearchScenario(), new ApiSearchScenario(), new StartupScenario(), new SubmitScenario(), new LifecycleScenario(), new ReadScenario(), new DocumentsScenario(), new RoutingScenario(), new Open311Scenario(), new KpiScenario()];

var selected = args.Length == 0 ? null : args[0];
if (selected is null || selected is "-h" or "--help")
{
    Console.WriteLine("usage: MotCua.Bench <scenario>|all");
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"  {scenario.Name,-12} {scenario.Description}");
    }
    return selected is null ? 1 : 0;
}

var toRun = selected == "all"
    ? scenarios
    : scenarios.Where(s => string.Equals(s.Name, selected, StringComparison.OrdinalIgnoreCase)).ToArray();
if (toRun.Length == 0)
{
    Console.Error.WriteLine($"unknown scenario '{selected}'; run without arguments to list them");
    return 1;
}

#if DEBUG
Console.WriteLine("warning: Debug build; figures mean little. Use -c Release.");
#endif
Console.WriteLine($"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
foreach (var scenario in toRun)
{
    Console.WriteLine();
    Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
    scenario.Run(Console.Out);
}
return 0;
