using Vigil.Linking.Synthetic;

namespace Vigil.UnitTests.Linking;

public class PoliceStylePeopleTests
{
    private static List<SyntheticPerson> Make(int count, int seed = 7) => new PoliceStylePeople(seed).Generate(count).ToList();

    [Fact]
    public void Generate_SameSeed_SameRecords_DifferentSeed_Different()
    {
        Assert.Equal(Make(2_000), Make(2_000));
        Assert.NotEqual(Make(2_000, seed: 7), Make(2_000, seed: 8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(5_000)]
    public void Generate_ExactCount_UniqueRecordIds(int count)
    {
        var people = Make(count);

        Assert.Equal(count, people.Count);
        Assert.Equal(count, people.Select(p => p.RecordId).Distinct().Count());
    }

    [Fact]
    public void Generate_RecordsOfOneHuman_SpreadAcrossForcesWithErrors()
    {
        var people = Make(20_000);
        var multi = people.GroupBy(p => p.HumanId).Where(g => g.Count() > 1).ToList();

        Assert.True(multi.Count > 3_000);
        Assert.Contains(multi, g => g.Select(p => p.Force).Distinct().Count() > 1);
        Assert.Contains(people, p => p.DateOfBirth.Length == 4);
        Assert.Contains(people, p => p.DateOfBirth.Length == 7);
        Assert.Contains(people, p => p.DateOfBirth.Length == 0);
        Assert.Contains(people, p => p.Phone.StartsWith("+44 ", StringComparison.Ordinal));
        // A nickname stands in for the first record's given name somewhere.
        Assert.Contains(multi, g => g.Any(p => p.GivenName == "Dai") && g.Any(p => p.GivenName == "David"));
    }

    [Fact]
    public void Generate_HardNegatives_TwinsAndParentChildAreDifferentHumans()
    {
        var people = Make(20_000);
        var twins = people.Where(p => p.Kind == SyntheticKinds.Twin).GroupBy(p => (p.FamilyName, p.Address)).ToList();
        var parentChild = people.Where(p => p.Kind == SyntheticKinds.ParentChild && p.RecordId != "").ToList();

        // Twins: two humans sharing a family name, address and first-record birthday.
        Assert.Contains(twins, g => g.Select(p => p.HumanId).Distinct().Count() == 2);
        // Parent and child: same given and family name at one address, two humans, different years of birth.
        Assert.Contains(parentChild.GroupBy(p => (p.GivenName, p.FamilyName, p.Address)), g =>
            g.Select(p => p.HumanId).Distinct().Count() == 2
            && g.Where(p => p.DateOfBirth.Length >= 4).Select(p => p.DateOfBirth[..4]).Distinct().Count() >= 2);
        Assert.Contains(people, p => p.Kind == SyntheticKinds.CommonName);
    }

    [Fact]
    public void WriteCsv_QuotesFieldsWithCommas_HeaderFirst()
    {
        var writer = new StringWriter();

        PoliceStylePeople.WriteCsv([new SyntheticPerson("r0", 0, "CP", "Siân", "Lloyd-Jones", "1991", "F", "SA31 1AB", "1 Heol y Bont, Carmarthen", "", "", "clean")], writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("record_id,human_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal("r0,0,CP,Siân,Lloyd-Jones,1991,F,SA31 1AB,\"1 Heol y Bont, Carmarthen\",,,clean", lines[1]);
    }

    [Fact]
    public void Generate_NonPositiveCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoliceStylePeople(1).Generate(0).ToList());
    }
}
