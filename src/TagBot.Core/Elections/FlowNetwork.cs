namespace TagBot.Core.Elections;

/// <summary>
/// A tiny integer max-flow (Edmonds–Karp) for <see cref="SeatAllocator"/>: how many minimum seats can
/// still be filled within the hard limits. Graphs here have a few dozen nodes.
/// </summary>
internal sealed class FlowNetwork
{
    public const int Unbounded = 1_000_000;

    private readonly List<Edge> _edges = [];
    private readonly List<List<int>> _out = [];

    public int AddNode()
    {
        _out.Add([]);
        return _out.Count - 1;
    }

    public void AddEdge(int from, int to, int capacity)
    {
        _out[from].Add(_edges.Count);
        _edges.Add(new Edge(to, capacity));
        _out[to].Add(_edges.Count);
        _edges.Add(new Edge(from, 0));
    }

    public int MaxFlow(int source, int sink)
    {
        var flow = 0;
        while (true)
        {
            var via = new int[_out.Count];
            Array.Fill(via, -1);
            var queue = new Queue<int>();
            queue.Enqueue(source);
            while (queue.Count > 0 && via[sink] < 0)
            {
                var node = queue.Dequeue();
                foreach (var e in _out[node])
                {
                    var to = _edges[e].To;
                    if (_edges[e].Capacity > 0 && via[to] < 0 && to != source)
                    {
                        via[to] = e;
                        queue.Enqueue(to);
                    }
                }
            }

            if (via[sink] < 0)
            {
                return flow;
            }

            var push = int.MaxValue;
            for (var node = sink; node != source; node = _edges[via[node] ^ 1].To)
            {
                push = Math.Min(push, _edges[via[node]].Capacity);
            }

            for (var node = sink; node != source; node = _edges[via[node] ^ 1].To)
            {
                _edges[via[node]].Capacity -= push;
                _edges[via[node] ^ 1].Capacity += push;
            }

            flow += push;
        }
    }

    private sealed class Edge(int to, int capacity)
    {
        public int To { get; } = to;

        public int Capacity { get; set; } = capacity;
    }
}
