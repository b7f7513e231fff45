namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// A desk process that can be "killed" (disposed with its in-memory job queue) and started again on the same database.
/// With role "api" it queues jobs but runs none, like a process that dies before its workers get to them.
/// </summary>
public sealed class RestartableDesk(string directory, string role, params KeyValuePair<string, string>[] settings) : ClaimDeskApiFactory(directory)
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("ClaimDesk:Role", role), .. settings];

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "claimdesk-tests", "restart-" + Guid.NewGuid().ToString("N"));
}

[CollectionDefinition(Name)]
public sealed class RestartCollection
{
    public const string Name = "restart";
}
