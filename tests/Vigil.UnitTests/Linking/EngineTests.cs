using Vigil.Linking.Engine;

namespace Vigil.UnitTests.Linking;

public class TextTests
{
    [Theory]
    [InlineData("Siân", "sian")]
    [InlineData("Mr Dafydd ap Rhys", "dafydd ap rhys")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Lloyd-Jones", "lloyd jones")]
    [InlineData("  ŵyn  Ŷ ", "wyn y")]
    [InlineData("Dr. J. Smith", "j smith")]
    public void FoldName_FoldsCaseAccentsTitlesAndPunctuation(string input, string expected) => Assert.Equal(expected, Text.FoldName(input));

    [Theory]
    [InlineData("+44 7700 900123", "07700900123")]
    [InlineData("+44 (0)7700 900123", "07700900123")]
    [InlineData("0044 7700 900123", "07700900123")]
    [InlineData("07700-900-123", "07700900123")]
    [InlineData("+1 555 0100", "+15550100")]
    public void Phone_UkFormatsAgree(string input, string expected) => Assert.Equal(expected, Text.Phone(input));

    [Fact]
    public void Postcode_SpacingAndCaseIgnored_DistrictIsOutwardPart()
    {
        Assert.Equal("SA311AB", Text.Postcode("sa31 1ab"));
        Assert.Equal("SA31", Text.PostcodeDistrict(Text.Postcode("SA31 1AB")));
        Assert.Equal("X", Text.PostcodeDistrict("X"));
    }
}

public class NicknameTests
{
    [Theory]
    [InlineData("rob", "robert")]
    [InlineData("bill", "william")]
    [InlineData("dai", "david")]
    [InlineData("gwen", "gwenllian")]
    [InlineData("gwen", "gwendolyn")]
    [InlineData("jac", "jack")]
    [InlineData("dan", "daniel")]
    [InlineData("steve", "stephen")]
    public void Equivalent_ShortFormAndFullName(string a, string b)
    {
        Assert.True(Nicknames.Equivalent(a, b));
        Assert.True(Nicknames.Equivalent(b, a));
    }

    [Fact]
    public void Equivalent_UnrelatedNames_False()
    {
        Assert.False(Nicknames.Equivalent("robert", "david"));
        Assert.False(Nicknames.Equivalent("", "david"));
        Assert.Equal("robert", Nicknames.Canonical("bob"));
        Assert.Equal("zebediah", Nicknames.Canonical("zebediah"));
    }
}

public class SimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("hughes", "hughes", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void JaroWinkler_KnownValues(string a, string b, double expected) => Assert.Equal(expected, Similarity.JaroWinkler(a, b), 3);

    [Theory]
    [InlineData("hughes", "hughs")]
    [InlineData("hughes", "hewes")]
    [InlineData("llewellyn", "llewelyn")]
    [InlineData("pritchard", "prichard")]
    [InlineData("phillips", "filips")]
    [InlineData("davies", "davis")]
    public void Phonetic_SoundAlikesAgree(string a, string b) => Assert.Equal(Similarity.Phonetic(a), Similarity.Phonetic(b));

    [Fact]
    public void Phonetic_DifferentNamesDiffer()
    {
        Assert.NotEqual(Similarity.Phonetic("hughes"), Similarity.Phonetic("jones"));
        Assert.Equal("", Similarity.Phonetic(""));
    }
}

public class ComparisonTests
{
    private static PreparedRecord R(string given, string family, string? dob = null, string? postcode = null, string? phone = null, string? email = null, string? address = null) =>
        PreparedRecord.From(new PersonInput(Guid.NewGuid().ToString("N"), given, family, dob, Postcodes: postcode is null ? null : [postcode],
            Addresses: address is null ? null : [address], Phones: phone is null ? null : [phone], Emails: email is null ? null : [email]));

    private static sbyte[] Levels(PreparedRecord a, PreparedRecord b)
    {
        var levels = new sbyte[Comparisons.Fields.Length];
        Comparisons.Compare(a, b, levels);
        return levels;
    }

    [Theory]
    [InlineData("Daniel", "Daniel", 0)]
    [InlineData("Dan", "Daniel", 1)]
    [InlineData("Megan", "Meghan", 1)]
    [InlineData("Catrin", "Katrin", 2)]
    [InlineData("D", "Daniel", 3)]
    [InlineData("Mia", "Luke", 4)]
    public void Given_Levels(string a, string b, int level) => Assert.Equal(level, Levels(R(a, "Hughes"), R(b, "Hughes"))[Comparisons.Given]);

    [Theory]
    [InlineData("Hughes", "Hughes", 0)]
    [InlineData("Hughes", "Hughs", 1)]
    [InlineData("Lloyd-Jones", "Lloyd Jones", 0)]
    [InlineData("Lloyd-Jones", "Jones", 2)]
    [InlineData("Hughes", "Morgan", 3)]
    public void Family_Levels(string a, string b, int level) => Assert.Equal(level, Levels(R("Dan", a), R("Dan", b))[Comparisons.Family]);

    [Theory]
    [InlineData("1991-11-03", "1991-11-03", 0)]
    [InlineData("1991-11-03", "19911103", 0)]
    [InlineData("1991-11-03", "1991-03-11", 1)]
    [InlineData("1991-11-03", "1991-11-08", 2)]
    [InlineData("1991-11-03", "1981-11-03", 2)]
    [InlineData("1991-11-03", "1991-11-27", 3)]
    [InlineData("1991-11-03", "1991", 4)]
    [InlineData("1991-11-03", "1991-11", 4)]
    [InlineData("1991-11", "1990", 5)]
    [InlineData("1991-11-03", "1970-01-01", 6)]
    [InlineData("1991-11-03", null, -1)]
    [InlineData("1991-02-30", "1991-02-28", 4)]
    public void DateOfBirth_Levels(string a, string? b, int level) => Assert.Equal(level, Levels(R("Dan", "Hughes", a), R("Dan", "Hughes", b))[Comparisons.BirthDate]);

    [Fact]
    public void SwappedNames_RecognisedAsClose()
    {
        var levels = new sbyte[Comparisons.Fields.Length];
        var swapped = Comparisons.Compare(R("Hughes", "Daniel"), R("Daniel", "Hughes"), levels);

        Assert.True(swapped);
        Assert.Equal(1, levels[Comparisons.Given]);
        Assert.Equal(1, levels[Comparisons.Family]);
    }

    [Fact]
    public void ContactFields_SharedDifferentOrMissing()
    {
        var a = R("Dan", "Hughes", phone: "+44 7700 900123", email: "Dan@Example.com", postcode: "SA31 1AB", address: "14 Heol y Bont Carmarthen");
        var b = R("Dan", "Hughes", phone: "07700900123", email: "dan@example.com", postcode: "sa311ab", address: "14 Heol y Bont, Carmarthen");
        var c = R("Dan", "Hughes", phone: "07700900999", postcode: "SA31 9ZZ");

        Assert.Equal([0, 0, 0, 0], new[] { Comparisons.Phone, Comparisons.Email, Comparisons.Postcode, Comparisons.Address }.Select(f => (int)Levels(a, b)[f]));
        Assert.Equal(1, Levels(a, c)[Comparisons.Phone]);
        Assert.Equal(1, Levels(a, c)[Comparisons.Postcode]);
        Assert.Equal(-1, Levels(a, c)[Comparisons.Email]);
    }
}
