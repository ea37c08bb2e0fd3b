namespace MotCua.Bench;

/// <summary>One benchmark, selected on the command line by <see cref="Name"/>.</summary>
internal interface IScenario
{
    string Name { get; }

    string Description { get; }

    void Run(TextWriter output);
}
