using System.Collections.Concurrent;
using Octokit;
using TagBot.Core.Policies;

namespace TagBot.GitHub;

/// <summary>
/// Labels known to exist per repository, so that creating missing ones (with TagBot's colours)
/// costs one listing per repository and process, not a request per label per event.
/// </summary>
public sealed class LabelCatalog
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task EnsureAsync(IGitHubClient client, RepositoryName repository, IReadOnlyCollection<string> labels, LabelNames names)
    {
        var known = _known.GetOrAdd(repository.ToString(), _ => new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase));
        if (labels.All(known.ContainsKey))
        {
            return;
        }

        foreach (var existing in await client.Issue.Labels.GetAllForRepository(repository.Owner, repository.Name, new ApiOptions { PageSize = 100 }))
        {
            known.TryAdd(existing.Name, 0);
        }

        foreach (var label in labels.Where(l => !known.ContainsKey(l)))
        {
            var (color, description) = LabelStyle.For(label, names);
            try
            {
                await client.Issue.Labels.Create(repository.Owner, repository.Name, new NewLabel(label, color) { Description = description });
            }
            catch (ApiValidationException)
            {
                // Created concurrently (another replica, or by hand): it exists, which is all we need.
            }

            known.TryAdd(label, 0);
        }
    }
}
