namespace Vigil.Linking.Engine;

/// <summary>String similarity and a phonetic code, written for this engine and allocation-free on hot paths.</summary>
public static class Similarity
{
    /// <summary>Jaro-Winkler similarity in [0, 1], with the usual prefix scale 0.1 over at most four characters.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - range);
            var end = Math.Min(b.Length - 1, i + range);
            for (var j = start; j <= end; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, Math.Min(a.Length, b.Length)) && a[i] == b[i]; i++)
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>
    /// A phonetic key for British and Welsh names: keeps the first letter's sound, folds letters that sound
    /// alike (c/k/q, s/z, f/ph/v/ff, th/dd, ll/l, w/u, y/i, gh silent), drops vowels after the first letter and
    /// collapses repeats. "Hughes", "Hughs" and "Hewes" agree; "Llewellyn" and "Llewelyn" agree.
    /// </summary>
    public static string Phonetic(string folded)
    {
        if (folded.Length == 0)
        {
            return "";
        }
        Span<char> output = stackalloc char[Math.Min(folded.Length * 2, 256)];
        var n = 0;
        var last = '\0';
        for (var i = 0; i < folded.Length && n < output.Length - 1; i++)
        {
            var c = folded[i];
            if (c == ' ')
            {
                continue;
            }
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            char code;
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h':
                    // Vowels and weak letters carry only at the start ("Evans", "Owen" and "Hughes" keep a head sound).
                    if (n == 0)
                    {
                        code = c is 'h' ? 'H' : c is 'w' ? 'W' : 'A';
                        break;
                    }
                    last = '\0';
                    continue;
                case 'p' when next == 'h':
                    code = 'F';
                    i++;
                    break;
                case 't' when next == 'c' && i + 2 < folded.Length && folded[i + 2] == 'h':
                    // "tch" sounds as "ch": Pritchard and Prichard agree.
                    continue;
                case 't' when next == 'h':
                    code = 'D';
                    i++;
                    break;
                case 'd' when next == 'd':
                    code = 'D';
                    i++;
                    break;
                case 'g' when next == 'h':
                    i++;
                    continue;
                case 'c' or 'k' or 'q' or 'g' or 'x':
                    code = 'K';
                    break;
                case 's' or 'z':
                    code = 'S';
                    break;
                case 'f' or 'v':
                    code = 'F';
                    break;
                case 'b' or 'p':
                    code = 'P';
                    break;
                case 'd' or 't':
                    code = 'T';
                    break;
                case 'm' or 'n':
                    code = 'N';
                    break;
                case 'j':
                    code = 'K';
                    break;
                case >= '0' and <= '9':
                    code = c;
                    break;
                default:
                    code = char.ToUpperInvariant(c);
                    break;
            }
            if (code != last)
            {
                output[n++] = code;
                last = code;
            }
        }
        return new string(output[..n]);
    }
}
