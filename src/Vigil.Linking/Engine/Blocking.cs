namespace Vigil.Linking.Engine;

/// <summary>
/// Blocking keys: a pair is compared only when the two records share at least one key. Each key survives a
/// different kind of error, so their union keeps true pairs that any single key would lose: sound of the family
/// name with the birth year (given-name errors, nicknames), given and family sounds (date errors), given prefix
/// with day and month (family-name changes and typos), full date with an initial, given sound with birth year or
/// with the first address word (a missing or replaced family name), shared phone, email, mailbox name or postcode,
/// and the two name sounds in either order (swapped names).
/// </summary>
public static class Blocking
{
    /// <summary>The blocking keys of a record, each with the kind of evidence it stands for, as text (for tests and diagnostics).</summary>
    public static List<string> KeyTexts(PreparedRecord record)
    {
        var writer = new BlockKeyWriter(keepText: true);
        Write(record, writer);
        return writer.Texts!;
    }

    /// <summary>
    /// Writes the record's keys into <paramref name="keys"/> (cleared first). The keys are hashed as they are written,
    /// never made into strings: making them strings was the largest cost of bulk resolution (measured), most of it
    /// in the garbage collector.
    /// </summary>
    public static void Write(PreparedRecord r, BlockKeyWriter keys)
    {
        keys.Clear();
        var fp = r.FamilyPhonetic;
        var gp = r.GivenPhonetic;
        if (fp.Length > 0 && r.Year is int year)
        {
            keys.Begin(BlockKind.FamilyYear, "fy").Add(fp).Add(year).End();
        }
        if (fp.Length > 0 && gp.Length > 0)
        {
            keys.Begin(BlockKind.Names, "gf").Add(gp).Add(fp).End();
            var (low, high) = string.CompareOrdinal(gp, fp) <= 0 ? (gp, fp) : (fp, gp);
            keys.Begin(BlockKind.Names, "sw").Add(low).Add(high).End();
        }
        if (r.Given.Length > 0 && r.Month is int m && r.Day is int d)
        {
            var canonical = r.GivenCanonical;
            keys.Begin(BlockKind.GivenBirthday, "gd").Add(canonical.AsSpan(0, Math.Min(3, canonical.Length))).Add(m).Add(d).End();
            // Either name's first letter with the whole date: survives a new family name and most typos.
            if (r.Year is int y)
            {
                keys.Begin(BlockKind.DateGiven, "dg").Add(y).Add(m).Add(d).Add(r.Given[0]).End();
                if (r.Family.Length > 0)
                {
                    keys.Begin(BlockKind.DateFamily, "df").Add(y).Add(m).Add(d).Add(r.Family[0]).End();
                }
            }
        }
        if (fp.Length > 0 && r.Month is int month && r.Day is int day)
        {
            keys.Begin(BlockKind.FamilyBirthday, "fd").Add(fp).Add(month).Add(day).End();
        }
        foreach (var phone in r.Phones)
        {
            keys.Begin(BlockKind.Phone, "ph").Add(phone).End();
        }
        foreach (var email in r.Emails)
        {
            keys.Begin(BlockKind.Email, "em").Add(email).End();
            // A mistyped domain keeps the mailbox name: "gabriel.t54@nichols.info" and "gabriel.t54@nnichls.info".
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at >= 4)
            {
                keys.Begin(BlockKind.Email, "el").Add(email.AsSpan(0, at)).End();
            }
        }
        if (gp.Length > 0 && r.Year is int birthYear)
        {
            // For records with no family name, or one replaced entirely.
            keys.Begin(BlockKind.GivenYear, "gy").Add(gp).Add(birthYear).End();
        }
        if (gp.Length > 0 && r.AddressTokens.Length > 0)
        {
            keys.Begin(BlockKind.GivenAddress, "ga").Add(gp).Add(r.AddressTokens[0]).End();
        }
        if (r.FullDob)
        {
            // Names can be wholly wrong in a record; the birthday and where they live rarely both are.
            foreach (var postcode in r.Postcodes)
            {
                keys.Begin(BlockKind.DatePostcode, "dp").Add(r.Year!.Value).Add(r.Month!.Value).Add(r.Day!.Value).Add(postcode).End();
            }
            if (r.AddressTokens.Length >= 2)
            {
                keys.Begin(BlockKind.DateAddress, "da").Add(r.Year!.Value).Add(r.Month!.Value).Add(r.Day!.Value)
                    .Add(r.AddressTokens[0]).Add(r.AddressTokens[1]).End();
            }
        }
        if (r.AddressTokens.Length >= 2 && (r.Given.Length > 0 || r.Family.Length > 0))
        {
            keys.Begin(BlockKind.AddressInitial, "an").Add(r.AddressTokens[0]).Add(r.AddressTokens[1])
                .Add(r.Family.Length > 0 ? r.Family[0] : r.Given[0]).End();
        }
        foreach (var postcode in r.Postcodes)
        {
            if (r.Family.Length > 0)
            {
                keys.Begin(BlockKind.PostcodeFamily, "pc").Add(postcode).Add(r.Family[0]).End();
            }
            if (r.Given.Length > 0)
            {
                keys.Begin(BlockKind.PostcodeGiven, "pg").Add(postcode).Add(r.Given[0]).End();
            }
        }
    }
}

/// <summary>
/// What kind of evidence a shared key is. Two records that share keys of two different kinds are worth comparing
/// even when each key's block is large; "given and family" and "the same two names swapped" are one kind.
/// </summary>
public enum BlockKind : byte
{
    FamilyYear,
    Names,
    GivenBirthday,
    DateGiven,
    DateFamily,
    FamilyBirthday,
    Phone,
    Email,
    GivenYear,
    GivenAddress,
    DatePostcode,
    DateAddress,
    AddressInitial,
    PostcodeFamily,
    PostcodeGiven,
}

/// <summary>One blocking key: its kind and a 64-bit hash of its text (a tag such as "fy:" then its parts, joined by ':').</summary>
public readonly record struct BlockKey(BlockKind Kind, ulong Hash);

/// <summary>
/// Builds blocking keys part by part in a reused buffer and hashes each one (64-bit FNV-1a, then a mixer). The
/// index keeps hashes, not strings: at ten million records the key strings alone would take gigabytes. A hash
/// collision only adds candidates, which are then scored like any other. One writer per thread.
/// </summary>
public sealed class BlockKeyWriter(bool keepText = false)
{
    private char[] _buffer = new char[96];
    private int _length;
    private BlockKind _kind;

    public List<BlockKey> Keys { get; } = new(24);

    /// <summary>The keys as text, in the same order, when the writer was made with keepText.</summary>
    public List<string>? Texts { get; } = keepText ? [] : null;

    public void Clear()
    {
        Keys.Clear();
        Texts?.Clear();
    }

    public BlockKeyWriter Begin(BlockKind kind, string tag)
    {
        _kind = kind;
        _length = 0;
        Append(tag.AsSpan());
        return this;
    }

    public BlockKeyWriter Add(ReadOnlySpan<char> part)
    {
        Append(":");
        Append(part);
        return this;
    }

    public BlockKeyWriter Add(string part) => Add(part.AsSpan());

    public BlockKeyWriter Add(char part) => Add([part]);

    public BlockKeyWriter Add(int part)
    {
        Span<char> digits = stackalloc char[11];
        part.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return Add(digits[..written]);
    }

    public void End()
    {
        var text = _buffer.AsSpan(0, _length);
        Keys.Add(new BlockKey(_kind, Hash(text)));
        Texts?.Add(new string(text));
    }

    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }

    private void Append(ReadOnlySpan<char> part)
    {
        if (_length + part.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + part.Length));
        }
        part.CopyTo(_buffer.AsSpan(_length));
        _length += part.Length;
    }
}
