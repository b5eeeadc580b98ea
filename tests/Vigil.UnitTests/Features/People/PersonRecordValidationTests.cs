using Vigil.Features.People;
using Vigil.Infrastructure.Http;

namespace Vigil.UnitTests.Features.People;

public class PersonRecordValidationTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static PersonRecordInput Valid() => new(
        GivenName: "Siân",
        FamilyName: "Lloyd-Jones",
        Aliases: ["Sian Jones"],
        DateOfBirth: "1991-11-03",
        Sex: "F",
        Addresses: [new AddressInput("1 High Street, Carmarthen", "sa311ab", "Home", 51.857, -4.312)],
        Phones: ["07700 900123"],
        Emails: ["sian@example.com"],
        Handles: ["@sian"]);

    private static ValidationErrors Validate(PersonRecordInput input, string prefix = "")
    {
        var errors = new ValidationErrors();
        PersonRecordValidation.Validate(input, errors, prefix, Today);
        return errors;
    }

    private static FieldError Single(ValidationErrors errors) => Assert.Single(errors.Errors);

    private static List<string> Many(int count, string text) => Enumerable.Range(1, count).Select(i => $"{text} {i}").ToList();

    [Fact]
    public void Validate_CompleteValidInput_NoErrors()
    {
        var errors = Validate(Valid());

        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void Validate_OnlyAFamilyName_NoErrors()
    {
        var errors = Validate(new PersonRecordInput(null, "Smith", null, null, null, null, null, null, null));

        Assert.Empty(errors.Errors);
    }

    [Fact]
    public void Validate_WithPrefix_FieldNamesCarryThePrefix()
    {
        var errors = Validate(Valid() with { DateOfBirth = "1991-02-30" }, "parties[0].newPerson.");

        var error = Single(errors);
        Assert.Equal("parties[0].newPerson.dateOfBirth", error.Field);
        Assert.Equal("Error.Person.DateOfBirthFormat", error.MessageKey);
    }

    [Fact]
    public void Validate_WithPrefix_ListItemFieldsCarryThePrefix()
    {
        var errors = Validate(Valid() with { Emails = ["ok@example.com", "not-an-email"], Phones = ["123"] }, "parties[2].newPerson.");

        Assert.True(errors.Has("parties[2].newPerson.emails[1]"));
        Assert.True(errors.Has("parties[2].newPerson.phones[0]"));
        Assert.Equal(2, errors.Errors.Count);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void Validate_NoName_FamilyNameRequired(string? given, string? family)
    {
        var error = Single(Validate(Valid() with { GivenName = given, FamilyName = family }));

        Assert.Equal("familyName", error.Field);
        Assert.Equal("Error.Person.NameRequired", error.MessageKey);
    }

    [Fact]
    public void Validate_GivenNameTooLong_RefusedWithLimit()
    {
        var error = Single(Validate(Valid() with { GivenName = new string('a', PeopleLimits.Name + 1) }));

        Assert.Equal("givenName", error.Field);
        Assert.Equal("Error.Person.GivenNameTooLong", error.MessageKey);
        Assert.Equal([PeopleLimits.Name], error.Args);
    }

    [Fact]
    public void Validate_NamesAtLimitWithSurroundingSpaces_Accepted()
    {
        var name = "  " + new string('a', PeopleLimits.Name) + "  ";

        Assert.Empty(Validate(Valid() with { GivenName = name, FamilyName = name }).Errors);
    }

    [Fact]
    public void Validate_FamilyNameTooLong_Refused()
    {
        var error = Single(Validate(Valid() with { FamilyName = new string('a', PeopleLimits.Name + 1) }));

        Assert.Equal("familyName", error.Field);
        Assert.Equal("Error.Person.FamilyNameTooLong", error.MessageKey);
    }

    [Theory]
    [InlineData("2025-06-02")]
    [InlineData("2025-07")]
    [InlineData("2026")]
    public void Validate_DateOfBirthAfterToday_Refused(string dob)
    {
        var error = Single(Validate(Valid() with { DateOfBirth = dob }));

        Assert.Equal("dateOfBirth", error.Field);
        Assert.Equal("Error.Person.DateOfBirthFuture", error.MessageKey);
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2025-06")]
    [InlineData("2025")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_DateOfBirthTodayOrPossiblyPastOrAbsent_Accepted(string? dob)
    {
        Assert.Empty(Validate(Valid() with { DateOfBirth = dob }).Errors);
    }

    [Theory]
    [InlineData("03/11/1991")]
    [InlineData("1991-13")]
    [InlineData("yesterday")]
    public void Validate_MalformedDateOfBirth_FormatError(string dob)
    {
        var error = Single(Validate(Valid() with { DateOfBirth = dob }));

        Assert.Equal("dateOfBirth", error.Field);
        Assert.Equal("Error.Person.DateOfBirthFormat", error.MessageKey);
    }

    [Theory]
    [InlineData("f")]
    [InlineData("M")]
    [InlineData(" x ")]
    [InlineData("U")]
    public void Validate_SexName_Accepted(string sex)
    {
        Assert.Empty(Validate(Valid() with { Sex = sex }).Errors);
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("Female")]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("F, M")]
    public void Validate_SexNotOneOfTheNames_Refused(string sex)
    {
        var error = Single(Validate(Valid() with { Sex = sex }));

        Assert.Equal("sex", error.Field);
        Assert.Equal("Error.Person.Sex", error.MessageKey);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("sian@")]
    [InlineData("@example.com")]
    [InlineData("sian example.com")]
    public void Validate_BadEmail_RefusedByIndex(string email)
    {
        var error = Single(Validate(Valid() with { Emails = ["good@example.com", email] }));

        Assert.Equal("emails[1]", error.Field);
        Assert.Equal("Error.Person.Email", error.MessageKey);
    }

    [Fact]
    public void Validate_EmailWithDisplayName_Refused()
    {
        // An address, not a mailbox header: "Sian <sian@example.com>" would be stored and matched as that whole text.
        var error = Single(Validate(Valid() with { Emails = ["Sian <sian@example.com>"] }));

        Assert.Equal("emails[0]", error.Field);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+44 12")]
    [InlineData("phone me")]
    [InlineData("1234567890123456")]
    public void Validate_PhoneTooShortOrTooLong_RefusedByIndex(string phone)
    {
        var error = Single(Validate(Valid() with { Phones = ["07700 900123", phone] }));

        Assert.Equal("phones[1]", error.Field);
        Assert.Equal("Error.Person.Phone", error.MessageKey);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("+1 555 0100")]
    [InlineData("123456789012345")]
    [InlineData("")]
    public void Validate_PhoneOfPlausibleLengthOrBlank_Accepted(string phone)
    {
        Assert.Empty(Validate(Valid() with { Phones = [phone] }).Errors);
    }

    [Fact]
    public void Validate_LatitudeWithoutLongitude_NamesTheMissingOne()
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, 51.8, null)] }));

        Assert.Equal("addresses[0].lon", error.Field);
        Assert.Equal("Error.Location.BothCoordinates", error.MessageKey);
    }

    [Fact]
    public void Validate_LongitudeWithoutLatitude_NamesTheMissingOne()
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, null, -4.3)] }));

        Assert.Equal("addresses[0].lat", error.Field);
        Assert.Equal("Error.Location.BothCoordinates", error.MessageKey);
    }

    [Theory]
    [InlineData(91.0)]
    [InlineData(-90.5)]
    [InlineData(double.NaN)]
    public void Validate_LatitudeOutOfRange_Refused(double lat)
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, lat, 0)] }));

        Assert.Equal("addresses[0].lat", error.Field);
        Assert.Equal("Error.Location.Latitude", error.MessageKey);
    }

    [Theory]
    [InlineData(180.5)]
    [InlineData(-181.0)]
    [InlineData(double.NaN)]
    public void Validate_LongitudeOutOfRange_Refused(double lon)
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, 0, lon)] }));

        Assert.Equal("addresses[0].lon", error.Field);
        Assert.Equal("Error.Location.Longitude", error.MessageKey);
    }

    [Theory]
    [InlineData(90.0, 180.0)]
    [InlineData(-90.0, -180.0)]
    [InlineData(null, null)]
    public void Validate_CoordinatesAtLimitsOrAbsent_Accepted(double? lat, double? lon)
    {
        Assert.Empty(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, lat, lon)] }).Errors);
    }

    [Fact]
    public void ValidateCoordinates_Field_UsedAsPrefix()
    {
        var errors = new ValidationErrors();

        PersonRecordValidation.ValidateCoordinates(91, null, "location", errors);

        Assert.True(errors.Has("location.lon"));
        Assert.True(errors.Has("location.lat"));
    }

    [Fact]
    public void Validate_TooManyAliases_RefusedWithLimit()
    {
        var error = Single(Validate(Valid() with { Aliases = Many(PeopleLimits.ListItems + 1, "Alias") }));

        Assert.Equal("aliases", error.Field);
        Assert.Equal("Error.List.TooMany", error.MessageKey);
        Assert.Equal([PeopleLimits.ListItems], error.Args);
        Assert.Equal(20, PeopleLimits.ListItems);
    }

    [Fact]
    public void Validate_AliasesAtLimit_Accepted()
    {
        Assert.Empty(Validate(Valid() with { Aliases = Many(PeopleLimits.ListItems, "Alias") }).Errors);
    }

    [Fact]
    public void Validate_AliasTooLong_RefusedByIndex()
    {
        var error = Single(Validate(Valid() with { Aliases = ["Sian", new string('a', PeopleLimits.Name + 1)] }));

        Assert.Equal("aliases[1]", error.Field);
        Assert.Equal("Error.List.ItemTooLong", error.MessageKey);
    }

    [Fact]
    public void Validate_TooManyAddresses_Refused()
    {
        var addresses = Enumerable.Range(1, PeopleLimits.ListItems + 1).Select(i => new AddressInput($"{i} High Street", null, null, null, null)).ToList();

        var error = Single(Validate(Valid() with { Addresses = addresses }));

        Assert.Equal("addresses", error.Field);
        Assert.Equal("Error.List.TooMany", error.MessageKey);
    }

    [Fact]
    public void Validate_AddressWithoutText_Refused()
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, null, null, null), new AddressInput("  ", "SA31 1AB", null, null, null)] }));

        Assert.Equal("addresses[1].text", error.Field);
        Assert.Equal("Error.Address.TextRequired", error.MessageKey);
    }

    [Fact]
    public void Validate_PostcodeTooLong_Refused()
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", "SA31 1AB 1234", null, null, null)] }));

        Assert.Equal("addresses[0].postcode", error.Field);
        Assert.Equal("Error.Address.Postcode", error.MessageKey);
    }

    [Theory]
    [InlineData("Holiday")]
    [InlineData("2")]
    [InlineData("99")]
    public void Validate_AddressKindNotOneOfTheNames_Refused(string kind)
    {
        var error = Single(Validate(Valid() with { Addresses = [new AddressInput("1 High Street", null, kind, null, null)] }));

        Assert.Equal("addresses[0].kind", error.Field);
        Assert.Equal("Error.Address.Kind", error.MessageKey);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var input = Valid() with { GivenName = null, FamilyName = null, DateOfBirth = "2030", Emails = ["x"], Phones = ["1"] };

        var fields = Validate(input).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["familyName", "dateOfBirth", "phones[0]", "emails[0]"], fields);
    }

    [Fact]
    public void ToEntity_ValidInput_TrimsAndNormalises()
    {
        var input = new PersonRecordInput(
            GivenName: "  Siân ",
            FamilyName: " Lloyd-Jones  ",
            Aliases: [" Sian Jones ", "sian jones", "  "],
            DateOfBirth: "1991-11-03",
            Sex: " f ",
            Addresses: [new AddressInput("  1 High Street  ", " sa311ab ", " work ", 51.857, -4.312)],
            Phones: [" +44 7700 900123 ", "", "(01267) 234567"],
            Emails: [" Sian@Example.COM ", "sian@example.com", " "],
            Handles: [" @sian ", null!, "@SIAN"]);

        var record = PersonRecordValidation.ToEntity(input, forceId: 4, userId: "user-1", now: Now);

        Assert.Equal("Siân", record.GivenName);
        Assert.Equal("Lloyd-Jones", record.FamilyName);
        Assert.Equal(["Sian Jones"], record.Aliases);
        Assert.Equal(Sex.F, record.Sex);
        var address = Assert.Single(record.Addresses);
        Assert.Equal("1 High Street", address.Text);
        Assert.Equal("SA31 1AB", address.Postcode);
        Assert.Equal(AddressKind.Work, address.Kind);
        Assert.Equal(51.857, address.Latitude);
        Assert.Equal(-4.312, address.Longitude);
        Assert.Equal(["+44 7700 900123", "(01267) 234567"], record.Phones.Select(p => p.Number));
        Assert.Equal(["07700900123", "01267234567"], record.Phones.Select(p => p.Normalised));
        Assert.Equal(["sian@example.com"], record.Emails);
        Assert.Equal(["@sian"], record.Handles);
    }

    [Fact]
    public void ToEntity_ValidInput_SetsSearchNameAndDateOfBirth()
    {
        var record = PersonRecordValidation.ToEntity(Valid(), 4, "user-1", Now);

        Assert.Equal("|sian lloyd jones|sian jones|", record.SearchName);
        Assert.Equal(new PartialDate(1991, 11, 3), record.DateOfBirth);
        Assert.Equal(1991, record.BirthYear);
        Assert.Equal(11, record.BirthMonth);
        Assert.Equal(3, record.BirthDay);
    }

    [Fact]
    public void ToEntity_PartialDateOfBirth_KeepsOnlyKnownParts()
    {
        var record = PersonRecordValidation.ToEntity(Valid() with { DateOfBirth = "1991" }, 4, null, Now);

        Assert.Equal(1991, record.BirthYear);
        Assert.Null(record.BirthMonth);
        Assert.Null(record.BirthDay);
    }

    [Fact]
    public void ToEntity_NoSexNoKindNoDateOfBirthNoPostcode_Defaults()
    {
        var input = Valid() with { Sex = " ", DateOfBirth = null, Addresses = [new AddressInput("1 High Street", "  ", null, null, null)] };

        var record = PersonRecordValidation.ToEntity(input, 4, null, Now);

        Assert.Equal(Sex.U, record.Sex);
        Assert.Null(record.DateOfBirth);
        var address = Assert.Single(record.Addresses);
        Assert.Equal(AddressKind.Home, address.Kind);
        Assert.Null(address.Postcode);
    }

    [Fact]
    public void ToEntity_NullLists_EmptyCollections()
    {
        var record = PersonRecordValidation.ToEntity(new PersonRecordInput(null, "Smith", null, null, null, null, null, null, null), 4, null, Now);

        Assert.Equal("", record.GivenName);
        Assert.Empty(record.Aliases);
        Assert.Empty(record.Addresses);
        Assert.Empty(record.Phones);
        Assert.Empty(record.Emails);
        Assert.Empty(record.Handles);
        Assert.Equal("|smith|", record.SearchName);
    }

    [Fact]
    public void ToEntity_Provenance_Recorded()
    {
        var record = PersonRecordValidation.ToEntity(Valid(), 4, "user-1", Now);

        Assert.Equal(4, record.ForceId);
        Assert.Equal("user-1", record.CreatedByUserId);
        Assert.Equal(Now, record.CreatedAt);
        Assert.NotEqual(Guid.Empty, record.Version);
    }
}
