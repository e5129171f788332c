using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using TagBot.Inbox.Sql;

namespace TagBot.Ballots;

/// <summary>
/// The Data Protection key ring in the store, so that every replica reads and writes the same keys:
/// a sign-in cookie or antiforgery token made by one replica is accepted by the others, and by the
/// next process after a restart. The keys are stored as Data Protection writes them (see docs/ballots.md).
/// </summary>
/// <remarks>
/// Data Protection calls this synchronously, rarely (at start and when the ring is refreshed or a key is made).
/// </remarks>
public sealed class SqlXmlRepository(Func<IStoreDatabase> store) : IXmlRepository
{
    // Resolved at first use, not when Data Protection is configured: a bad Storage setting is then
    // reported by the settings check, in one line, rather than as an exception from here.
    private readonly Lazy<IStoreDatabase> _database = new(store);

    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        StoreElementAsync(element, friendlyName, CancellationToken.None).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.Value.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT xml FROM tagbot_dataprotection_keys");
        var elements = new List<XElement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    private async Task StoreElementAsync(XElement element, string friendlyName, CancellationToken cancellationToken)
    {
        await using var connection = await _database.Value.OpenAsync(cancellationToken);
        // A key's friendly name is unique ("key-{guid}"); a random one covers elements without a name.
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        await using var command = connection.Command("INSERT INTO tagbot_dataprotection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING")
            .With("@name", name)
            .With("@xml", element.ToString(SaveOptions.DisableFormatting));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
