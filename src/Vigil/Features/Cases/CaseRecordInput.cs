using Vigil.Features.People;
using Vigil.Infrastructure.Http;
using Vigil.Infrastructure.Security;

namespace Vigil.Features.Cases;

/// <summary>Checks shared by every "record something about an incident, a case or a person" request.</summary>
public static class CaseRecordInput
{
    /// <summary>Who did it: the name given ("DC 3301"), or the signed-in user's.</summary>
    public static string By(string? by, CurrentUser user, ValidationErrors errors, string field = "by")
    {
        var text = by?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return user.DisplayName;
        }
        if (text.Length > CaseRecordLimits.ByName)
        {
            errors.Add(field, "Error.Text.TooLong", CaseRecordLimits.ByName);
        }
        return text;
    }

    /// <summary>Optional free text: trimmed, null when blank, refused when longer than <paramref name="limit"/>.</summary>
    public static string? Text(string? text, int limit, string field, ValidationErrors errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > limit)
        {
            errors.Add(field, "Error.Text.TooLong", limit);
        }
        return trimmed;
    }

    /// <summary>A required enumeration value by name; the error lists the names allowed.</summary>
    public static T Required<T>(string? text, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (EnumInput.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(field, string.IsNullOrWhiteSpace(text) ? "Error.Choice.Required" : "Error.Choice.Invalid", EnumInput.Names<T>());
        return default;
    }

    /// <summary>An optional enumeration value by name: null when not given, an error when not one of the names.</summary>
    public static T? Optional<T>(string? text, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (EnumInput.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(field, "Error.Choice.Invalid", EnumInput.Names<T>());
        return null;
    }

    /// <summary>A place: optional text within its limit, and latitude and longitude both given and in range.</summary>
    public static void Location(Incidents.LocationInput? location, string field, ValidationErrors errors)
    {
        if (location is null)
        {
            return;
        }
        Text(location.Text, Incidents.IncidentLimits.LocationText, field + ".text", errors);
        PersonRecordValidation.ValidateCoordinates(location.Lat, location.Lon, field, errors);
    }
}

/// <summary>The answer to any "record this" request: the new record's id and reference.</summary>
public sealed record RecordCreated(long Id, string Reference);
