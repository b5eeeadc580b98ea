using System.Numerics;
using System.Runtime.InteropServices;

namespace Vigil.Linking.Engine;

/// <summary>
/// Records by blocking key, and the candidates a record should be compared with.
///
/// Blocks of common names grow with the population: at a million records "John Smith" or "Jones, born 1980" holds
/// hundreds of records, and comparing each newcomer with all of them made bulk resolution grow with the square of
/// the population (measured: 5.2 million comparisons at 100,000 records, 20.4 million at 200,000). So a record
/// found only through large blocks is a candidate only when it shares keys of at least two different kinds (the
/// same names and the same birth year; the same birthday and the same postcode): a true duplicate almost always
/// does, a stranger with a common name rarely. Blocks of at most <see cref="SmallBlock"/> records always yield
/// their members, and a key shared by more than <see cref="MaxBlock"/> records yields none.
///
/// Keys are kept as 64-bit hashes and a block of one record as a bare index, because most keys (a phone, an email,
/// a birthday at a postcode) belong to one human: that is what keeps the index small enough for ten million records.
/// </summary>
public sealed class BlockIndex
{
    public const int MaxBlock = 400;
    public const int SmallBlock = 40;

    // Bit 31 of a candidate's mask: it came through at least one small block.
    private const int FromSmallBlock = 1 << 31;

    // Value ≥ 0: the only record with this key. Value < 0: ~value indexes the list of records in _lists.
    private readonly Dictionary<ulong, int> _keys = [];
    private readonly List<List<int>> _lists = [];
    private readonly CandidateScratch _scratch = new();

    private readonly BlockKeyWriter _writer = new();

    public int KeyCount => _keys.Count;

    /// <summary>Room for about this many records, so a bulk run does not rehash the key table again and again.</summary>
    public void EnsureCapacity(int records) => _keys.EnsureCapacity(records * 12);

    public void Add(PreparedRecord record, int index)
    {
        Blocking.Write(record, _writer);
        Add(_writer.Keys, index);
    }

    /// <summary>Indexes a record under keys already written for it (see <see cref="Blocking.Write"/>).</summary>
    public void Add(List<BlockKey> keys, int index)
    {
        foreach (var key in keys)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key.Hash, out var exists);
            if (!exists)
            {
                slot = index;
            }
            else if (slot >= 0)
            {
                if (slot != index)
                {
                    _lists.Add([slot, index]);
                    slot = ~(_lists.Count - 1);
                }
            }
            else
            {
                var list = _lists[~slot];
                if (list[^1] != index)
                {
                    list.Add(index);
                }
            }
        }
    }

    /// <summary>Distinct indexed records worth comparing with <paramref name="record"/>, excluding <paramref name="self"/>.</summary>
    public List<int> Candidates(PreparedRecord record, int self)
    {
        Blocking.Write(record, _writer);
        return Candidates(_writer.Keys, self);
    }

    /// <summary>As <see cref="Candidates(PreparedRecord, int)"/>, for keys already written.</summary>
    public List<int> Candidates(List<BlockKey> keys, int self) => Candidates(keys, self, _scratch);

    /// <summary>
    /// As <see cref="Candidates(List{BlockKey}, int)"/> with the caller's own scratch space: several threads may look
    /// up candidates at once, each with its own scratch, provided nothing is added meanwhile.
    /// </summary>
    public List<int> Candidates(List<BlockKey> keys, int self, CandidateScratch scratch)
    {
        scratch.Stamp++;
        var touched = new List<int>();
        foreach (var key in keys)
        {
            if (!_keys.TryGetValue(key.Hash, out var slot))
            {
                continue;
            }
            var bit = 1 << (int)key.Kind;
            if (slot >= 0)
            {
                scratch.Touch(slot, bit | FromSmallBlock, self, touched);
                continue;
            }
            var list = _lists[~slot];
            if (list.Count > MaxBlock)
            {
                continue;
            }
            var flags = bit | (list.Count <= SmallBlock ? FromSmallBlock : 0);
            foreach (var other in list)
            {
                scratch.Touch(other, flags, self, touched);
            }
        }
        var result = new List<int>(touched.Count);
        foreach (var other in touched)
        {
            var mask = scratch.Mask[other];
            if ((mask & FromSmallBlock) != 0 || BitOperations.PopCount((uint)(mask & ~FromSmallBlock)) >= 2)
            {
                result.Add(other);
            }
        }
        return result;
    }
}

/// <summary>Per-lookup bookkeeping for <see cref="BlockIndex.Candidates(List{BlockKey}, int, CandidateScratch)"/>: one per thread.</summary>
public sealed class CandidateScratch
{
    private int[] _seen = new int[1024];

    internal int[] Mask { get; private set; } = new int[1024];

    internal int Stamp { get; set; }

    internal void Touch(int other, int flags, int self, List<int> touched)
    {
        if (other == self)
        {
            return;
        }
        if (other >= _seen.Length)
        {
            var size = Math.Max(other + 1, _seen.Length * 2);
            Array.Resize(ref _seen, size);
            var mask = Mask;
            Array.Resize(ref mask, size);
            Mask = mask;
        }
        if (_seen[other] != Stamp)
        {
            _seen[other] = Stamp;
            Mask[other] = flags;
            touched.Add(other);
        }
        else
        {
            Mask[other] |= flags;
        }
    }
}
