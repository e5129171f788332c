using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// One seating of the ranked nominees within the hard limits (<see cref="Fill"/>): the seats taken so
/// far, the counters the hard limits read, and why each nominee left out gave way.
/// </summary>
internal sealed class Seating
{
    private static readonly StringComparer Names = Login.Comparer;

    private readonly SeatLimits _limits;
    private readonly Dictionary<string, int> _caps;
    private readonly Dictionary<string, int> _need = new(Names);
    private readonly Dictionary<string, int> _newByRegion = new(Names);
    private readonly Dictionary<string, List<string>> _byCompany = new(Names);
    private readonly Dictionary<string, SeatCandidate> _seated = new(Names);
    private readonly HashSet<string> _forMinimum = new(Names);
    private readonly Dictionary<string, string> _refused = new(Names);

    private Seating(SeatLimits limits)
    {
        _limits = limits;
        _caps = new Dictionary<string, int>(limits.RegionSeats, Names);
        foreach (var (region, minimum) in limits.MinPerRegion)
        {
            var need = minimum - limits.Continuing.Count(h => Names.Equals(h.Region, region));
            if (need > 0)
            {
                _need[region] = need;
            }
        }

        foreach (var holder in limits.Continuing)
        {
            if (CompanyOf(holder.Company) is { } company)
            {
                Holders(company).Add(holder.GitHub);
            }
        }
    }

    /// <summary>
    /// Seats <paramref name="order"/> within the hard limits: first as many minimum seats as the limits allow
    /// at all, passing a nominee over only when seating them would leave fewer minimums fillable; then
    /// every remaining seat in rank order.
    /// </summary>
    public static Seating Fill(SeatLimits limits, IReadOnlyList<SeatCandidate> order)
    {
        var seating = new Seating(limits);

        // Minimums first: as many as the hard limits allow at all, in rank order.
        var target = seating.MinimumSeatsFillable(order);
        foreach (var candidate in order)
        {
            if (target == 0)
            {
                break;
            }

            if (!seating.NeedsMinimum(candidate) || seating.Blocks(candidate) is not null)
            {
                continue;
            }

            seating.Seat(candidate, forMinimum: true);
            if (seating.MinimumSeatsFillable(order) == target - 1)
            {
                target--;
            }
            else
            {
                seating.Unseat(candidate);
            }
        }

        // Then every remaining seat in rank order; whoever breaks a hard limit gives way.
        foreach (var candidate in order.Where(c => !seating.IsSeated(c)))
        {
            if (seating.Blocks(candidate) is { } why)
            {
                seating.Refuse(candidate, why);
            }
            else
            {
                seating.Seat(candidate, forMinimum: false);
            }
        }

        return seating;
    }

    public bool IsSeated(SeatCandidate candidate) => _seated.ContainsKey(candidate.GitHub);

    public bool IsForMinimum(SeatCandidate candidate) => _forMinimum.Contains(candidate.GitHub);

    public bool NeedsMinimum(SeatCandidate candidate) => candidate.Region is { } region && _need.GetValueOrDefault(region) > 0;

    public string WhyNot(SeatCandidate candidate) => _refused.GetValueOrDefault(candidate.GitHub) ?? SeatReasons.NotSeated;

    /// <summary>Which hard limit seating <paramref name="candidate"/> would break, or null.</summary>
    public string? Blocks(SeatCandidate candidate)
    {
        if (_limits.TotalSeats is { } total && _seated.Count >= total)
        {
            return SeatReasons.TotalFilled(total);
        }

        if (candidate.Region is { } region && _caps.TryGetValue(region, out var cap) && _newByRegion.GetValueOrDefault(region) >= cap)
        {
            return SeatReasons.RegionFilled(region, cap);
        }

        if (_limits.MaxPerCompany is { } max && CompanyOf(candidate.Company) is { } company
            && _byCompany.TryGetValue(company, out var holders) && holders.Count >= max)
        {
            return SeatReasons.CompanyLimit(max, company, holders);
        }

        return null;
    }

    public void Seat(SeatCandidate candidate, bool forMinimum)
    {
        _seated.Add(candidate.GitHub, candidate);
        if (forMinimum)
        {
            _forMinimum.Add(candidate.GitHub);
        }

        if (candidate.Region is { } region)
        {
            _newByRegion[region] = _newByRegion.GetValueOrDefault(region) + 1;
            if (_need.TryGetValue(region, out var need))
            {
                _need[region] = need - 1;
            }
        }

        if (CompanyOf(candidate.Company) is { } company)
        {
            Holders(company).Add(candidate.GitHub);
        }
    }

    public void Unseat(SeatCandidate candidate)
    {
        _seated.Remove(candidate.GitHub);
        _forMinimum.Remove(candidate.GitHub);
        if (candidate.Region is { } region)
        {
            _newByRegion[region]--;
            if (_need.TryGetValue(region, out var need))
            {
                _need[region] = need + 1;
            }
        }

        if (CompanyOf(candidate.Company) is { } company)
        {
            _byCompany[company].Remove(candidate.GitHub);
        }
    }

    public void Refuse(SeatCandidate candidate, string why) => _refused[candidate.GitHub] = why;

    /// <summary>
    /// The most minimum seats still fillable from the unseated <paramref name="candidates"/> within
    /// every hard limit: a max-flow source → region (its need) → nominee → company (its room) → total.
    /// </summary>
    public int MinimumSeatsFillable(IReadOnlyList<SeatCandidate> candidates)
    {
        var network = new FlowNetwork();
        var source = network.AddNode();
        var sink = network.AddNode();
        var total = network.AddNode();
        network.AddEdge(total, sink, _limits.TotalSeats is { } t ? Math.Max(0, t - _seated.Count) : FlowNetwork.Unbounded);

        var regions = new Dictionary<string, int>(Names);
        var companies = new Dictionary<string, int>(Names);
        foreach (var candidate in candidates.Where(c => !IsSeated(c) && NeedsMinimum(c)))
        {
            var region = candidate.Region!;
            if (!regions.TryGetValue(region, out var regionNode))
            {
                regionNode = regions[region] = network.AddNode();
                var room = _caps.TryGetValue(region, out var cap) ? cap - _newByRegion.GetValueOrDefault(region) : FlowNetwork.Unbounded;
                network.AddEdge(source, regionNode, Math.Max(0, Math.Min(_need[region], room)));
            }

            var node = network.AddNode();
            network.AddEdge(regionNode, node, 1);
            if (CompanyOf(candidate.Company) is { } company && _limits.MaxPerCompany is { } max)
            {
                if (!companies.TryGetValue(company, out var companyNode))
                {
                    companyNode = companies[company] = network.AddNode();
                    var held = _byCompany.TryGetValue(company, out var holders) ? holders.Count : 0;
                    network.AddEdge(companyNode, total, Math.Max(0, max - held));
                }

                network.AddEdge(node, companyNode, 1);
            }
            else
            {
                network.AddEdge(node, total, 1);
            }
        }

        return network.MaxFlow(source, sink);
    }

    private static string? CompanyOf(string? company) => string.IsNullOrWhiteSpace(company) ? null : company.Trim();

    private List<string> Holders(string company) =>
        _byCompany.TryGetValue(company, out var holders) ? holders : _byCompany[company] = [];
}
