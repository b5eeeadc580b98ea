using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.Timeline;

/// <summary>Where in the file the reader is, so every failure can name the event as well as the field.</summary>
internal sealed class TimelineErrorContext
{
    public int? EventIndex { get; set; }

    /// <summary>Null until the event's type is known to be valid.</summary>
    public string? EventType { get; set; }

    public TimelineFormatException Fail(string? field, string problem)
    {
        var where = (EventIndex, EventType) switch
        {
            (int index, string type) => string.Create(CultureInfo.InvariantCulture, $"event {index} ({type})"),
            (int index, null) => string.Create(CultureInfo.InvariantCulture, $"event {index}"),
            _ => null,
        };
        var message = (where, field) switch
        {
            (null, null) => problem,
            (null, string f) => $"field {f}: {problem}",
            (string w, null) => $"{w}: {problem}",
            (string w, string f) => $"{w}, field {f}: {problem}",
        };
        return new TimelineFormatException(message, EventIndex, field);
    }
}

/// <summary>
/// One JSON object of the file, opened against the list of fields it may have. Opening refuses unknown and
/// repeated fields at once, so nothing in the file can be silently ignored.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _values;

    private JsonFields(Dictionary<string, JsonElement> values, string path, TimelineErrorContext errors)
    {
        _values = values;
        Path = path;
        Errors = errors;
    }

    /// <summary>Path of this object; empty for an event or the document itself.</summary>
    public string Path { get; }

    public TimelineErrorContext Errors { get; }

    /// <summary><c>what</c> names the object in the unknown-field message, such as "a person event".</summary>
    public static JsonFields Open(JsonElement element, string path, TimelineErrorContext errors, IReadOnlyList<string> allowed, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw errors.Fail(path.Length == 0 ? null : path, $"expected an object, found {JsonValues.Describe(element)}");
        }
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = Join(path, property.Name);
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw errors.Fail(fieldPath, $"unknown field '{property.Name}' in {what}; expected one of {string.Join(", ", allowed)}");
            }
            // JSON allows a repeated name and parsers disagree on which copy wins: refuse rather than guess.
            if (!values.TryAdd(property.Name, property.Value))
            {
                throw errors.Fail(fieldPath, "given twice");
            }
        }
        return new JsonFields(values, path, errors);
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public string FieldPath(string name) => Join(Path, name);

    /// <summary>Whether the field is present; an explicit null counts as absent.</summary>
    public bool Has(string name) => TryGet(name, out _);

    public bool TryGet(string name, out JsonElement value) =>
        _values.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    public TimelineFormatException Fail(string name, string problem) => Errors.Fail(FieldPath(name), problem);

    public TimelineFormatException Missing(string name) => Fail(name, "required but not given");

    public JsonElement Required(string name) => TryGet(name, out var value) ? value : throw Missing(name);

    public string? OptionalString(string name, int maxLength) =>
        TryGet(name, out var value) ? JsonValues.String(value, FieldPath(name), maxLength, Errors, required: false) : null;

    public string RequiredString(string name, int maxLength) =>
        JsonValues.String(Required(name), FieldPath(name), maxLength, Errors, required: true)!;

    public bool? OptionalBool(string name) => TryGet(name, out var value) ? JsonValues.Bool(value, FieldPath(name), Errors) : null;

    public int? OptionalInt(string name) => TryGet(name, out var value) ? JsonValues.Int(value, FieldPath(name), Errors) : null;

    public double? OptionalLatitude(string name) =>
        TryGet(name, out var value) ? JsonValues.Coordinate(value, FieldPath(name), "latitude", 90, Errors) : null;

    public double? OptionalLongitude(string name) =>
        TryGet(name, out var value) ? JsonValues.Coordinate(value, FieldPath(name), "longitude", 180, Errors) : null;

    public DateTimeOffset? OptionalInstant(string name) =>
        TryGet(name, out var value) ? JsonValues.Instant(value, FieldPath(name), Errors) : null;

    public T? OptionalEnum<T>(string name) where T : struct, Enum =>
        TryGet(name, out var value) ? JsonValues.Enum<T>(value, FieldPath(name), Errors) : null;

    public T RequiredEnum<T>(string name) where T : struct, Enum => JsonValues.Enum<T>(Required(name), FieldPath(name), Errors);

    public IReadOnlyList<JsonElement>? OptionalArray(string name) =>
        TryGet(name, out var value) ? JsonValues.Array(value, FieldPath(name), Errors) : null;

    public IReadOnlyList<JsonElement> RequiredArray(string name) => JsonValues.Array(Required(name), FieldPath(name), Errors);

    /// <summary>Reads each item of an array field, giving the reader the item's path.</summary>
    public IReadOnlyList<T>? OptionalList<T>(string name, Func<JsonElement, string, T> read)
    {
        var items = OptionalArray(name);
        if (items is null)
        {
            return null;
        }
        var path = FieldPath(name);
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(read(items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")));
        }
        return result;
    }

    public IReadOnlyList<string>? OptionalStringList(string name, int maxLength) =>
        OptionalList(name, (item, path) => JsonValues.String(item, path, maxLength, Errors, required: true)!);

    /// <summary>Repeated values are dropped: listing a behaviour twice says nothing more than listing it once.</summary>
    public IReadOnlyList<T>? OptionalEnumList<T>(string name) where T : struct, Enum =>
        OptionalList(name, (item, path) => JsonValues.Enum<T>(item, path, Errors))?.Distinct().ToList();
}

/// <summary>Reads single JSON values, naming the path and what was expected when a value does not fit.</summary>
internal static partial class JsonValues
{
    private const int QuotedValueLength = 60;

    // ParseExact alone would accept a time without an offset, which is not an instant: the pattern insists on one.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Quote(element.GetString()!),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    public static string Quote(string text) =>
        text.Length <= QuotedValueLength ? $"'{text}'" : $"'{text[..QuotedValueLength]}…'";

    public static string? String(JsonElement element, string path, int maxLength, TimelineErrorContext errors, bool required)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw errors.Fail(path, $"expected a string, found {Describe(element)}");
        }
        var text = element.GetString()!.Trim();
        if (text.Length == 0)
        {
            return required ? throw errors.Fail(path, "must not be empty") : null;
        }
        if (text.Length > maxLength)
        {
            throw errors.Fail(path, string.Create(
                CultureInfo.InvariantCulture, $"expected at most {maxLength:N0} characters, found {text.Length:N0}"));
        }
        return text;
    }

    public static bool Bool(JsonElement element, string path, TimelineErrorContext errors) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw errors.Fail(path, $"expected true or false, found {Describe(element)}"),
    };

    public static int Int(JsonElement element, string path, TimelineErrorContext errors) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw errors.Fail(path, $"expected a whole number, found {Describe(element)}");

    public static double Number(JsonElement element, string path, TimelineErrorContext errors) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw errors.Fail(path, $"expected a number, found {Describe(element)}");

    public static double Coordinate(JsonElement element, string path, string what, double limit, TimelineErrorContext errors)
    {
        var value = element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number) ? number : double.NaN;
        if (!double.IsFinite(value) || value < -limit || value > limit)
        {
            throw errors.Fail(path, string.Create(
                CultureInfo.InvariantCulture, $"expected a {what} from {-limit} to {limit}, found {Describe(element)}"));
        }
        return value;
    }

    public static DateTimeOffset Instant(JsonElement element, string path, TimelineErrorContext errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!.Trim();
            if (InstantPattern().IsMatch(text)
                && DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }
        }
        throw errors.Fail(path, $"expected an ISO-8601 instant with an offset or Z, such as 2024-02-01T09:30:00Z, found {Describe(element)}");
    }

    public static string FormatInstant(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static T Enum<T>(JsonElement element, string path, TimelineErrorContext errors) where T : struct, Enum =>
        element.ValueKind == JsonValueKind.String && EnumInput.TryParse<T>(element.GetString(), out var value)
            ? value
            : throw errors.Fail(path, $"expected one of {EnumInput.Names<T>()}, found {Describe(element)}");

    public static IReadOnlyList<JsonElement> Array(JsonElement element, string path, TimelineErrorContext errors) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().ToList()
            : throw errors.Fail(path, $"expected an array, found {Describe(element)}");
}
