using System.Globalization;
using System.Text.Json;

namespace Vigil.Features.Timeline;

/// <summary>
/// Reads a <c>vigil-timeline/1</c> file into typed events and checks everything that can be checked without a
/// database: shape, types, enumerations, time order, and that every ref points to an earlier record of the
/// right kind. Nothing is applied; a file that passes can be replayed from its first event to its last.
/// </summary>
public static class TimelineReader
{
    public const string FormatName = "vigil-timeline/1";

    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private const int ChunkBytes = 81_920;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <exception cref="TimelineFormatException">The file is too large or not a valid timeline.</exception>
    /// <remarks>A file that cannot be opened fails with the usual I/O exceptions: that is not a format problem.</remarks>
    public static TimelineDocument Read(string path, long maxBytes = DefaultMaxBytes)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, maxBytes);
    }

    /// <summary>Files larger than <c>maxBytes</c> are refused before any of their content is parsed.</summary>
    /// <exception cref="TimelineFormatException">The stream is too large or not a valid timeline.</exception>
    public static TimelineDocument Read(Stream stream, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength);
        var bytes = ReadLimited(stream, maxBytes);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new TimelineFormatException(MalformedJson(e), null, null, e);
        }
        using (json)
        {
            return new TimelineParser().Parse(json.RootElement);
        }
    }

    /// <summary>
    /// Reads the whole stream, but never more than the limit: a seekable stream is measured first, any other is
    /// counted as it arrives, so an oversized upload costs at most the limit in memory.
    /// </summary>
    private static ReadOnlyMemory<byte> ReadLimited(Stream stream, long maxBytes)
    {
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > maxBytes)
            {
                throw TooLarge(Invariant($"the file is {length:N0} bytes"), maxBytes);
            }
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge("the file is larger than that", maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Some Windows editors still start UTF-8 with a byte order mark; it is not part of the JSON, so it is dropped.
        return bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    private static TimelineFormatException TooLarge(string found, long maxBytes) => new(
        Invariant($"the file is too large: the maximum is {maxBytes:N0} bytes ({maxBytes / (1024.0 * 1024):0.#} MB) and {found}; it was not parsed"),
        null,
        null);

    private static string MalformedJson(JsonException e)
    {
        // The parser's own message ends with its zero-based position; the position is given once, one-based.
        var detail = e.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }
        return e.LineNumber is long line
            ? Invariant($"malformed JSON at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {detail}")
            : $"malformed JSON: {detail}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
