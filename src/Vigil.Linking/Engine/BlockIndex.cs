namespace Vigil.Linking.Engine;

/// <summary>
/// Records by blocking key. A key shared by very many records (a common surname sound and a popular birth year)
/// stops yielding candidates past <see cref="MaxBlock"/>: comparing against thousands would cost more than the
/// other keys already recover.
/// </summary>
public sealed class BlockIndex
{
    public const int MaxBlock = 400;

    private readonly Dictionary<string, List<int>> _blocks = new(StringComparer.Ordinal);
    private int[] _seen = new int[1024];
    private int _stamp;

    public int KeyCount => _blocks.Count;

    public void Add(PreparedRecord record, int index)
    {
        foreach (var key in Blocking.Keys(record))
        {
            if (!_blocks.TryGetValue(key, out var list))
            {
                _blocks[key] = list = new List<int>(2);
            }
            list.Add(index);
        }
    }

    /// <summary>Distinct indexed records sharing a key with <paramref name="record"/>, excluding <paramref name="self"/>.</summary>
    public List<int> Candidates(PreparedRecord record, int self)
    {
        if (_seen.Length <= self)
        {
            Array.Resize(ref _seen, Math.Max(self + 1, _seen.Length * 2));
        }
        _stamp++;
        var result = new List<int>();
        foreach (var key in Blocking.Keys(record))
        {
            if (!_blocks.TryGetValue(key, out var list) || list.Count > MaxBlock)
            {
                continue;
            }
            foreach (var other in list)
            {
                if (other == self)
                {
                    continue;
                }
                if (other >= _seen.Length)
                {
                    Array.Resize(ref _seen, Math.Max(other + 1, _seen.Length * 2));
                }
                if (_seen[other] != _stamp)
                {
                    _seen[other] = _stamp;
                    result.Add(other);
                }
            }
        }
        return result;
    }
}
