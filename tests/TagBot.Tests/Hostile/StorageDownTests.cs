using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using TagBot.Inbox;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Hostile;

/// <summary>The one 5xx the intake gives: its own storage failing, which is no fault of the sender.</summary>
public sealed class StorageDownTests : IAsyncLifetime
{
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_delivery_that_cannot_be_stored_gets_503_so_it_can_be_redelivered()
    {
        var inbox = Substitute.For<IInbox>();
        inbox.TryAddAsync(Arg.Any<Delivery>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk I/O error"));
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?>(), services: s =>
        {
            s.RemoveAll<IInbox>();
            s.AddSingleton(inbox);
        });

        using var response = await tagbot.Webhooks.PostAsync("issue_comment",
            Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, ["proposal"], 1, "member-mia", "/support"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
