using Vigil.Linking.Engine;
using Vigil.Linking.Synthetic;

namespace Vigil.UnitTests.Linking;

public class ResolverTests
{
    private static PersonInput P(string id, string given, string family, string? dob, string? postcode = null, string? phone = null) =>
        new(id, given, family, dob, Postcodes: postcode is null ? null : [postcode], Phones: phone is null ? null : [phone]);

    /// <summary>A population large enough to train on: synthetic police-style records plus the test's own.</summary>
    private static (List<PreparedRecord> Records, MatchModel Model) Trained(params PersonInput[] extra)
    {
        var synthetic = new PoliceStylePeople(3).Generate(3_000).Select(s => new PersonInput(s.RecordId, s.GivenName, s.FamilyName, s.DateOfBirth, s.Sex,
            Postcodes: [s.Postcode], Addresses: [s.Address], Phones: [s.Phone], Emails: [s.Email]));
        var records = synthetic.Concat(extra).Select(PreparedRecord.From).ToList();
        return (records, Trainer.Train(records));
    }

    [Fact]
    public void Train_LearnsAgreementForAndDisagreementAgainst_PriorDoesNotCollapse()
    {
        var (_, model) = Trained();

        Assert.InRange(model.Lambda, 1e-5, 0.25);
        foreach (var field in new[] { Comparisons.Given, Comparisons.Family, Comparisons.BirthDate, Comparisons.Phone })
        {
            Assert.True(model.LevelWeight(field, 0) > 2, $"{Comparisons.Fields[field].Name} exact should be evidence for a match");
            Assert.True(model.LevelWeight(field, Comparisons.Fields[field].Levels.Length - 1) < 0, $"{Comparisons.Fields[field].Name} different should be evidence against");
        }
    }

    [Fact]
    public void FrequencyAdjustment_CommonNameWeighsLessThanRareName()
    {
        var (_, model) = Trained();
        var jonesA = PreparedRecord.From(P("a", "Dan", "Jones", null));
        var jonesB = PreparedRecord.From(P("b", "Dan", "Jones", null));
        var rareA = PreparedRecord.From(P("c", "Dan", "Trevithick", null));
        var rareB = PreparedRecord.From(P("d", "Dan", "Trevithick", null));

        var jones = model.Explain(jonesA, jonesB).Fields.Single(f => f.Field == "family");
        var rare = model.Explain(rareA, rareB).Fields.Single(f => f.Field == "family");

        Assert.True(jones.FrequencyAdjusted);
        Assert.True(rare.Weight > jones.Weight + 0.5, $"Trevithick {rare.Weight:F2} bits should outweigh Jones {jones.Weight:F2} bits");
    }

    [Fact]
    public void Explanation_FieldWeightsAndPriorSumToTotal()
    {
        var (_, model) = Trained();
        var e = model.Explain(PreparedRecord.From(P("a", "Daniel", "Hughes", "1991-11-03", "SA31 1AB")), PreparedRecord.From(P("b", "Dan", "Hughs", "1991-11-03", "SA311AB")));

        Assert.Equal(e.TotalWeight, e.PriorWeight + e.Fields.Sum(f => f.Weight), 6);
        Assert.Equal(MatchModel.Probability(e.TotalWeight), e.Probability, 9);
        Assert.Contains(e.Fields, f => f.Field == "given" && f.Level == "nickname or very close spelling");
    }

    [Fact]
    public void SamePersonAcrossForces_Linked_DifferentPeopleWithOneNameAndAge_NotLinked()
    {
        var (records, model) = Trained();
        var resolver = Resolver.ResolveAll(records, model);

        resolver.Add(P("cp-1", "Daniel", "Hughes", "1991-11-03", "SA31 1AB", "07700 900456"));
        resolver.Add(P("sv-7", "Dan", "Hughs", "1991-11-03", null, "+44 7700 900456"));
        resolver.Add(P("cp-2", "John", "Smith", "1970-02-14"));
        resolver.Add(P("sv-3", "John", "Smith", "1988-09-30"));

        Assert.Equal(resolver.ClusterOf("cp-1"), resolver.ClusterOf("sv-7"));
        Assert.NotEqual(resolver.ClusterOf("cp-2"), resolver.ClusterOf("sv-3"));
    }

    [Fact]
    public void Chaining_ConflictingBirthDatesInsideACluster_BlockTheMerge()
    {
        var (records, model) = Trained();
        var resolver = Resolver.ResolveAll(records, model);

        // B has no date of birth, so it is compatible with both A and C; A's and C's full dates are years apart and
        // nothing else (address, phone) says they are one man. B must not chain them together.
        // B shares a phone with A and an email address with C, so it links strongly to each.
        resolver.Add(new PersonInput("a", "Gareth", "Prosser", "1980-04-12", Postcodes: ["CF10 2BH"], Phones: ["07700 900321"]));
        resolver.Add(new PersonInput("b", "Gareth", "Prosser", null, Phones: ["07700900321"], Emails: ["g.prosser@example.com"]));
        resolver.Add(new PersonInput("c", "Gareth", "Prosser", "1984-09-30", Postcodes: ["LL57 2EU"], Emails: ["G.Prosser@example.com"]));

        Assert.True(resolver.Explain("b", "c").Probability >= 0.99, "B and C are a strong link on their own");
        var aCluster = resolver.ClusterOf("a");
        Assert.Equal(aCluster, resolver.ClusterOf("b"));
        Assert.NotEqual(aCluster, resolver.ClusterOf("c"));
    }

    [Fact]
    public void HumanDecisions_AreHardConstraints_AndSurviveRelinking()
    {
        var (records, model) = Trained();
        var resolver = Resolver.ResolveAll(records, model);
        resolver.DecideDifferent("x1", "x2");
        resolver.DecideSame("y1", "y2");

        resolver.Add(P("x1", "Rhys", "Bevan", "1985-05-05", "LD3 7AP", "07700 900111"));
        resolver.Add(P("x2", "Rhys", "Bevan", "1985-05-05", "LD3 7AP", "07700 900111"));
        resolver.Add(P("y1", "Seren", "Beynon", "1999-01-01"));
        resolver.Add(P("y2", "Mared", "Gittins", "1960-12-12"));

        Assert.NotEqual(resolver.ClusterOf("x1"), resolver.ClusterOf("x2"));
        Assert.Equal(resolver.ClusterOf("y1"), resolver.ClusterOf("y2"));

        var rebuilt = resolver.Rebuild();
        Assert.NotEqual(rebuilt.ClusterOf("x1"), rebuilt.ClusterOf("x2"));
        Assert.Equal(rebuilt.ClusterOf("y1"), rebuilt.ClusterOf("y2"));
    }

    [Fact]
    public void IncrementalAndBulk_SameClusters()
    {
        var (records, model) = Trained();
        var bulk = Resolver.ResolveAll(records, model).Clusters().ToList();
        var incremental = new Resolver(model);
        foreach (var record in records)
        {
            incremental.Add(record);
        }

        Assert.Equal(bulk, incremental.Clusters().ToList());
    }

    [Fact]
    public void ParallelBulk_SameClustersAndComparisonsAsOneAtATime()
    {
        // Large enough for several parallel batches, and for blocks that pass the small-block size mid-batch.
        var records = new PoliceStylePeople(5).Generate(12_000).Select(s => PreparedRecord.From(new PersonInput(s.RecordId, s.GivenName, s.FamilyName,
            s.DateOfBirth, s.Sex, Postcodes: [s.Postcode], Addresses: [s.Address], Phones: [s.Phone], Emails: [s.Email]))).ToList();
        var model = Trainer.Train(records);

        var parallel = Resolver.ResolveAll(records, model, parallelism: 2);
        var incremental = new Resolver(model);
        foreach (var record in records)
        {
            incremental.Add(record);
        }

        Assert.Equal(incremental.Clusters().ToList(), parallel.Clusters().ToList());
        Assert.Equal(incremental.ComparisonsMade, parallel.ComparisonsMade);
        Assert.True(parallel.Clusters().Select(c => c.ClusterId).Distinct().Count() < records.Count, "some records should have been linked");
    }

    [Fact]
    public void Add_DuplicateId_Refused()
    {
        var (_, model) = Trained();
        var resolver = new Resolver(model);
        resolver.Add(P("same", "A", "B", null));

        Assert.Throws<ArgumentException>(() => resolver.Add(P("same", "A", "B", null)));
    }

    [Fact]
    public void HouseholdSharingAddressAndPhone_VictimAndSuspect_NeverLinkedOrQueued()
    {
        // Ex-partners at one address with one landline: everything but who they are agrees.
        var victim = new PersonInput("v", "Megan", "Rees", "1990-04-02", "F", Postcodes: ["SA31 1AB"], Addresses: ["14 Heol y Bont, Carmarthen"], Phones: ["01267 123456"]);
        var suspect = new PersonInput("s", "Gareth", "Pugh", "1986-09-30", "M", Postcodes: ["SA31 1AB"], Addresses: ["14 Heol y Bont, Carmarthen"], Phones: ["01267 123456"]);
        var (_, model) = Trained();
        var resolver = new Resolver(model);

        resolver.Add(victim);
        var result = resolver.Add(suspect);

        Assert.True(model.Score(PreparedRecord.From(victim), PreparedRecord.From(suspect)) > 0, "the shared address and phone alone outweigh the names");
        Assert.NotEqual(resolver.ClusterOf("v"), resolver.ClusterOf("s"));
        Assert.Empty(result.ForReview);
    }

    [Theory]
    [InlineData("Daniel", "Hughes", "1991-11-03", true, true)]
    [InlineData("Gareth", "Hughes", "1991-11-03", true, true)]
    [InlineData("Gareth", "Hughes", "1975-02-14", true, false)]
    [InlineData("Gareth", "Pugh", "1991-11-03", true, false)]
    [InlineData("Gareth", "Pugh", "1991-11-30", false, false)]
    public void IdentityRules_NamesOrBirthDateMustAgree(string given, string family, string dob, bool mayLink, bool mayReview)
    {
        var a = PreparedRecord.From(new PersonInput("a", "Daniel", "Hughes", "1991-11-03"));
        var b = PreparedRecord.From(new PersonInput("b", given, family, dob));
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Fields.Length];
        Comparisons.Compare(a, b, levels);

        Assert.Equal(mayLink, Resolver.NamesAgree(levels));
        Assert.Equal(mayReview, Resolver.NamesAgree(levels) && Resolver.IdentityAgrees(levels));
    }

    [Fact]
    public void YearsFarApart_ParentAndChildWithOneName_NotAReviewQuestion()
    {
        Assert.True(Resolver.YearsFarApart(PreparedRecord.From(new PersonInput("a", "Geraint", "James", "1972")), PreparedRecord.From(new PersonInput("b", "Geraint", "James", "1995-10-08"))));
        Assert.False(Resolver.YearsFarApart(PreparedRecord.From(new PersonInput("a", "Geraint", "James", "1972")), PreparedRecord.From(new PersonInput("b", "Geraint", "James", "1974-10-08"))));
        Assert.False(Resolver.YearsFarApart(PreparedRecord.From(new PersonInput("a", "Geraint", "James", null)), PreparedRecord.From(new PersonInput("b", "Geraint", "James", "1995"))));
    }
}
