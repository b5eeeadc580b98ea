namespace Vigil.Linking.Engine;

/// <summary>
/// A person record as the engine sees it. Every field may be missing (null or empty). Dates of birth are
/// partial ISO text: "1991", "1991-11" or "1991-11-03".
/// </summary>
public sealed record PersonInput(
    string Id,
    string? GivenName,
    string? FamilyName,
    string? DateOfBirth = null,
    string? Sex = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Postcodes = null,
    IReadOnlyList<string>? Addresses = null,
    IReadOnlyList<string>? Phones = null,
    IReadOnlyList<string>? Emails = null,
    IReadOnlyList<string>? Handles = null);
