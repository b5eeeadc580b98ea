namespace Vigil.Linking.Synthetic;

/// <summary>
/// One person record as a force might hold it, with the truth the force never has: which human it describes.
/// Empty strings mean "not recorded".
/// </summary>
public sealed record SyntheticPerson(
    string RecordId,
    int HumanId,
    string Force,
    string GivenName,
    string FamilyName,
    string DateOfBirth,
    string Sex,
    string Postcode,
    string Address,
    string Phone,
    string Email,
    string Kind);

/// <summary>What made a record hard: kept with each record so results can be broken down by difficulty.</summary>
public static class SyntheticKinds
{
    public const string Clean = "clean";
    public const string Variant = "variant";
    public const string Twin = "twin";
    public const string ParentChild = "parent-child";
    public const string CommonName = "common-name";
}
