using Microsoft.Extensions.Localization;

namespace Vigil.Features.Alerts;

/// <summary>
/// An alert's explanation is stored as a resource key and arguments so it reads in the reader's language. Most
/// arguments are references and counts; lists of classifications or behaviours are stored as codes
/// (<see cref="Codes"/>) and shown with their English or Welsh names when the alert is read.
/// </summary>
public static class AlertText
{
    private const string Prefix = "codes:";

    /// <summary>An argument holding codes of one kind ("Classification", "Behaviour"), named in the reader's language.</summary>
    public static string Codes<T>(IEnumerable<T> codes) where T : struct, Enum => Codes(typeof(T).Name, codes.Select(c => c.ToString()));

    /// <summary>Codes of a kind that is not an enumeration (risk question ids: kind "RiskQuestion", code "dash17").</summary>
    public static string Codes(string kind, IEnumerable<string> codes) => $"{Prefix}{kind}:{string.Join(',', codes)}";

    public static string Format(IStringLocalizer localizer, string messageKey, IReadOnlyList<string> arguments) =>
        localizer[messageKey, [.. arguments.Select(a => Localise(localizer, a))]].Value;

    /// <summary>The codes of an argument made by <see cref="Codes"/>, for tests and exports; other arguments as they are.</summary>
    public static IReadOnlyList<string> CodesOf(string argument)
    {
        if (!argument.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return [argument];
        }
        var list = argument[(argument.IndexOf(':', Prefix.Length) + 1)..];
        return list.Length == 0 ? [] : list.Split(',');
    }

    private static object Localise(IStringLocalizer localizer, string argument)
    {
        if (!argument.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return argument;
        }
        var kind = argument[Prefix.Length..argument.IndexOf(':', Prefix.Length)];
        return string.Join(", ", CodesOf(argument).Select(code => localizer[$"{kind}.{code}"].Value));
    }
}
