namespace TagBot.Tests.Ballots;

/// <summary>
/// The tests that start TagBot on a real Kestrel port for a browser run on their own, not beside other test classes:
/// a <c>WebApplicationFactory</c> catches the host its entry point builds through a process-wide diagnostic listener,
/// and one built by a parallel test at the same moment once made a Kestrel start fail ("Addresses cannot be modified
/// after the server has started").
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
