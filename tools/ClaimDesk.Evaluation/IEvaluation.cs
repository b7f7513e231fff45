namespace ClaimDesk.Evaluation;

/// <summary>An evaluation of an analysis step: against labels written by reading the samples, or against FNC-1 through a real desk.</summary>
public interface IEvaluation
{
    string Name { get; }
    string Description { get; }
    /// <summary>Runs and prints the figures; returns the process exit code.</summary>
    Task<int> RunAsync(string samplesDirectory, string[] args);
}
