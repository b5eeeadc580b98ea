using System.Net.Mail;
using Vigil.Infrastructure.Http;

namespace Vigil.Features.People;

/// <summary>
/// Checks a person record's fields and builds the entity. Shared by "add a person record" and by an
/// incident that adds a new party, so both refuse the same things with the same words.
/// </summary>
internal static class PersonRecordValidation
{
    public static void Validate(PersonRecordInput input, ValidationErrors errors, string prefix, DateOnly today)
    {
        var given = input.GivenName?.Trim() ?? "";
        var family = input.FamilyName?.Trim() ?? "";
        if (given.Length == 0 && family.Length == 0)
        {
            errors.Add(prefix + "familyName", "Error.Person.NameRequired");
        }
        if (given.Length > PeopleLimits.Name)
        {
            errors.Add(prefix + "givenName", "Error.Person.GivenNameTooLong", PeopleLimits.Name);
        }
        if (family.Length > PeopleLimits.Name)
        {
            errors.Add(prefix + "familyName", "Error.Person.FamilyNameTooLong", PeopleLimits.Name);
        }
        ValidateList(input.Aliases, prefix + "aliases", PeopleLimits.Name, errors);
        if (!string.IsNullOrWhiteSpace(input.DateOfBirth))
        {
            if (!PartialDate.TryParse(input.DateOfBirth, out var dob))
            {
                errors.Add(prefix + "dateOfBirth", "Error.Person.DateOfBirthFormat");
            }
            else if (dob.EarliestPossible > today)
            {
                errors.Add(prefix + "dateOfBirth", "Error.Person.DateOfBirthFuture");
            }
        }
        if (!string.IsNullOrWhiteSpace(input.Sex) && !EnumInput.TryParse<Sex>(input.Sex, out _))
        {
            errors.Add(prefix + "sex", "Error.Person.Sex");
        }
        var addresses = input.Addresses ?? [];
        if (addresses.Count > PeopleLimits.ListItems)
        {
            errors.Add(prefix + "addresses", "Error.List.TooMany", PeopleLimits.ListItems);
        }
        for (var i = 0; i < addresses.Count && i < PeopleLimits.ListItems; i++)
        {
            var a = addresses[i];
            var field = $"{prefix}addresses[{i}]";
            if (a is null || string.IsNullOrWhiteSpace(a.Text))
            {
                errors.Add(field + ".text", "Error.Address.TextRequired");
                continue;
            }
            if (a.Text.Trim().Length > PeopleLimits.Address)
            {
                errors.Add(field + ".text", "Error.Address.TextTooLong", PeopleLimits.Address);
            }
            if (a.Postcode is { Length: > 10 })
            {
                errors.Add(field + ".postcode", "Error.Address.Postcode");
            }
            if (!string.IsNullOrWhiteSpace(a.Kind) && !EnumInput.TryParse<AddressKind>(a.Kind, out _))
            {
                errors.Add(field + ".kind", "Error.Address.Kind");
            }
            ValidateCoordinates(a.Lat, a.Lon, field, errors);
        }
        ValidateList(input.Phones, prefix + "phones", PeopleLimits.Phone, errors);
        foreach (var (phone, i) in (input.Phones ?? []).Select((p, i) => (p, i)))
        {
            var digits = PersonText.NormalisePhone(phone).TrimStart('+');
            if (!string.IsNullOrWhiteSpace(phone) && (digits.Length < 6 || digits.Length > 15))
            {
                errors.Add($"{prefix}phones[{i}]", "Error.Person.Phone");
            }
        }
        ValidateList(input.Emails, prefix + "emails", PeopleLimits.Email, errors);
        foreach (var (email, i) in (input.Emails ?? []).Select((e, i) => (e, i)))
        {
            // A display name ("Sian <sian@example.com>") parses too, but would never match on email later.
            if (!string.IsNullOrWhiteSpace(email) && !(MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim()))
            {
                errors.Add($"{prefix}emails[{i}]", "Error.Person.Email");
            }
        }
        ValidateList(input.Handles, prefix + "handles", PeopleLimits.Handle, errors);
    }

    public static void ValidateCoordinates(double? lat, double? lon, string field, ValidationErrors errors)
    {
        if (lat is null != lon is null)
        {
            errors.Add(field + (lat is null ? ".lat" : ".lon"), "Error.Location.BothCoordinates");
        }
        if (lat is < -90 or > 90 || (lat is double la && double.IsNaN(la)))
        {
            errors.Add(field + ".lat", "Error.Location.Latitude");
        }
        if (lon is < -180 or > 180 || (lon is double lo && double.IsNaN(lo)))
        {
            errors.Add(field + ".lon", "Error.Location.Longitude");
        }
    }

    private static void ValidateList(List<string>? items, string field, int maxLength, ValidationErrors errors)
    {
        if (items is null)
        {
            return;
        }
        if (items.Count > PeopleLimits.ListItems)
        {
            errors.Add(field, "Error.List.TooMany", PeopleLimits.ListItems);
        }
        for (var i = 0; i < items.Count && i < PeopleLimits.ListItems; i++)
        {
            if (items[i] is { } item && item.Trim().Length > maxLength)
            {
                errors.Add($"{field}[{i}]", "Error.List.ItemTooLong", maxLength);
            }
        }
    }

    /// <summary>Builds the entity from input that <see cref="Validate"/> accepted.</summary>
    public static PersonRecord ToEntity(PersonRecordInput input, long forceId, string? userId, DateTimeOffset now)
    {
        var aliases = Clean(input.Aliases);
        var record = new PersonRecord
        {
            ForceId = forceId,
            GivenName = input.GivenName?.Trim() ?? "",
            FamilyName = input.FamilyName?.Trim() ?? "",
            Aliases = aliases,
            Sex = EnumInput.TryParse<Sex>(input.Sex, out var sex) ? sex : Sex.U,
            Addresses = (input.Addresses ?? []).Select(a => new PersonAddress
            {
                Text = a.Text!.Trim(),
                Postcode = string.IsNullOrWhiteSpace(a.Postcode) ? null : PersonText.NormalisePostcode(a.Postcode),
                Kind = EnumInput.TryParse<AddressKind>(a.Kind, out var kind) ? kind : AddressKind.Home,
                Latitude = a.Lat,
                Longitude = a.Lon,
            }).ToList(),
            Phones = Clean(input.Phones).Select(p => new PersonPhone { Number = p, Normalised = PersonText.NormalisePhone(p) }).ToList(),
            Emails = Clean(input.Emails).Select(e => e.ToLowerInvariant()).ToList(),
            Handles = Clean(input.Handles),
            CreatedAt = now,
            CreatedByUserId = userId,
            Version = Guid.NewGuid(),
        };
        if (PartialDate.TryParse(input.DateOfBirth, out var dob))
        {
            record.DateOfBirth = dob;
        }
        record.SearchName = PersonText.SearchName(record.GivenName, record.FamilyName, aliases);
        return record;
    }

    private static List<string> Clean(List<string>? items) =>
        (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
