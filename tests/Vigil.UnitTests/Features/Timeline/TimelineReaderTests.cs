using System.Text;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.Orders;
using Vigil.Features.People;
using Vigil.Features.Timeline;
using Vigil.Features.VictimCare;
using Vigil.UnitTests.Repository;

namespace Vigil.UnitTests.Features.Timeline;

public class TimelineReaderTests
{
    private const string Forces = """
        [{"code": "AA", "name": "Force A", "teams": [{"code": "PPU", "name": "Public protection unit", "specialist": true}]},
         {"code": "BB", "name": "Force B"}]
        """;

    // Events 0 to 4 of most timelines below; later events are at "Later" so time order holds.
    private const string Victim = """{"at": "2024-01-01T09:00:00Z", "type": "person", "ref": "V1", "given": "Megan", "family": "Pritchard"}""";
    private const string Suspect = """{"at": "2024-01-01T09:00:00Z", "type": "person", "ref": "S1", "given": "Daniel", "family": "Hughes"}""";
    private const string Incident = """
        {"at": "2024-01-01T09:05:00Z", "type": "incident", "ref": "I1", "classification": "Harassment",
         "parties": [{"person": "V1", "role": "Victim"}, {"person": "S1", "role": "Suspect"}]}
        """;
    private const string Case = """{"at": "2024-01-01T10:00:00Z", "type": "case", "ref": "C1", "incidents": ["I1"]}""";
    private const string Order = """
        {"at": "2024-01-02T10:00:00Z", "type": "order", "ref": "O1", "orderType": "PreChargeBail", "subject": "S1",
         "protected": ["V1"], "status": "Granted", "conditions": [{"type": "NoContact", "indirect": true}]}
        """;
    private const string Later = "2024-02-01T00:00:00Z";

    private static string ExamplesFolder => Path.Combine(RepositoryFiles.Root, "..", "shared", "scenarios", "examples");

    private static string Timeline(params string[] events) =>
        $$"""{"format": "vigil-timeline/1", "title": "Test", "forces": {{Forces}}, "events": [{{string.Join(",\n", events)}}]}""";

    /// <summary>An event at <see cref="Later"/> with the given type and fields.</summary>
    private static string At(string typeAndFields) => $$"""{"at": "{{Later}}", {{typeAndFields}}}""";

    private static TimelineDocument Read(string json) => TimelineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static TimelineFormatException Fails(string json) => Assert.Throws<TimelineFormatException>(() => Read(json));

    private static void AssertFails(string json, int? eventIndex, string? field, string message)
    {
        var error = Fails(json);
        Assert.Equal(message, error.Message);
        Assert.Equal(eventIndex, error.EventIndex);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("ex1-cross-force-messages.json", 8)]
    [InlineData("ex2-bail-breaches.json", 12)]
    [InlineData("ex3-controls.json", 10)]
    public void Read_ExampleFile_ParsesEveryEvent(string file, int events)
    {
        var document = TimelineReader.Read(Path.Combine(ExamplesFolder, file));

        Assert.Equal(TimelineReader.FormatName, document.Format);
        Assert.Equal(events, document.Events.Count);
        Assert.Equal(Enumerable.Range(0, events), document.Events.Select(e => e.Index));
        Assert.IsType<ClockEvent>(document.Events[^1]);
        Assert.Empty(document.UndeclaredTeams);
    }

    [Fact]
    public void Read_CrossForceExample_KeepsEachRecordInItsForce()
    {
        var document = TimelineReader.Read(Path.Combine(ExamplesFolder, "ex1-cross-force-messages.json"));

        Assert.Equal(["AA", "BB"], document.Forces.Select(f => f.Code));
        Assert.Equal(new TimelineRef("V1b", TimelineRefKind.Person, 4, "BB"), document.Refs["V1b"]);
        Assert.Equal(new TimelineRef("I2", TimelineRefKind.Incident, 6, "BB"), document.Refs["I2"]);
        var incident = Assert.IsType<IncidentEvent>(document.Events[2]);
        Assert.Equal(Classification.MaliciousCommunications, incident.Classification);
        Assert.Equal([Channel.Text, Channel.SocialMedia], incident.Channels);
        Assert.Equal([new TimelineParty("V1", PartyRole.Victim), new TimelineParty("S1", PartyRole.Suspect)], incident.Parties);
        Assert.Equal(new TimelineImpact(false, true, true), incident.Impact);
        Assert.Equal(Relationship.ExPartner, incident.Relationship);
        var person = Assert.IsType<PersonEvent>(document.Events[0]);
        Assert.Equal(new PartialDate(1994, 6, 12), person.Dob);
        Assert.Equal(Sex.F, person.Sex);
        Assert.Equal(new TimelineAddress("14 Heol y Bont, Carmarthen", "SA31 1AB", 51.8576, -4.312, AddressKind.Home), Assert.Single(person.Addresses));
    }

    [Fact]
    public void Read_BailExample_ReadsOrderConditionsBreachesAndUpdates()
    {
        var document = TimelineReader.Read(Path.Combine(ExamplesFolder, "ex2-bail-breaches.json"));

        var order = Assert.IsType<OrderEvent>(document.Events[6]);
        Assert.Equal("AA", order.Force);
        Assert.Equal(OrderType.PreChargeBail, order.OrderType);
        Assert.Equal(new NoContactCondition(true), order.Conditions[0]);
        var zone = Assert.IsType<ExclusionZoneCondition>(order.Conditions[1]);
        Assert.Equal(new ExclusionZoneCircle(new GeoPoint(51.684, -4.163), 500), zone.Area);
        var breach = Assert.IsType<BreachEvent>(document.Events[8]);
        Assert.Equal(1, breach.Condition);
        Assert.Equal("V1", breach.ReportedBy);
        Assert.Equal(BreachAction.Undecided, breach.Action);
        var update = Assert.IsType<OrderUpdateEvent>(document.Events[10]);
        Assert.Equal(OrderType.ReleasedUnderInvestigation, update.OrderType);
        Assert.Equal(OrderStatus.Ended, update.Status);
        Assert.Null(update.Conditions);
        var assessment = Assert.IsType<RiskAssessmentEvent>(document.Events[4]);
        Assert.Equal("C1", assessment.Case);
        Assert.Equal(11, assessment.Answers.Count);
        Assert.True(assessment.Answers["st04"]);
        Assert.Equal(TimelineRefKind.RiskAssessment, document.Refs["R1"].Kind);
    }

    [Fact]
    public void Read_EveryEventType_ParsesToItsRecord()
    {
        var document = Read(Timeline(
            Victim,
            Suspect,
            Incident,
            Case,
            Order,
            At("""
                "type": "incident-update", "incident": "I1", "classification": "StalkingS4A", "narrative": "More detail.",
                "behaviours": ["Following"], "impact": {"fearOfViolence": true}
                """),
            At("""
                "type": "case-update", "case": "C1", "officer": "DC 1", "team": "PPU", "offence": "StalkingS2A",
                "rationale": "Course of conduct.", "status": "Charged", "outcome": 1
                """),
            At("""
                "type": "screening", "incident": "I1", "fixated": true, "obsessive": true, "unwanted": true, "repeated": true,
                "answers": {"st01": true}, "by": "PC 1"
                """),
            At("""
                "type": "risk-assessment", "ref": "R1", "victim": "V1", "incident": "I1", "tool": "DASH",
                "answers": {"dash01": false, "dash27": true}, "grade": "High", "rationale": "Strangulation.", "by": "DC 1"
                """),
            At("""
                "type": "order-update", "order": "O1", "conditions": [
                  {"type": "ExclusionZone", "polygon": [[51.1, -4.1], [51.2, -4.1], [51.2, -4.2]]},
                  {"type": "NotToAttend", "address": "7 Station Road"},
                  {"type": "ResideAt", "address": "2 Mill Lane", "lat": 51.9, "lon": -3.4},
                  {"type": "Programme", "name": "Drive"},
                  {"type": "DeviceAccess"}, {"type": "Notify"}, {"type": "Other", "text": "No alcohol."}]
                """),
            At("""
                "type": "breach", "ref": "B1", "order": "O1", "occurredAt": "2024-01-31T22:00:00+01:00", "reportedBy": "V1",
                "description": "Walked past.", "condition": 6, "location": {"text": "Station Road"}, "action": "Arrest", "rationale": "Clear breach."
                """),
            At(""" "type": "sighting", "person": "S1", "location": {"lat": 51.6, "lon": -3.9}, "kind": "Residing" """),
            At(""" "type": "consideration", "case": "C1", "what": "SPO", "decision": "Progressed", "rationale": "Repeat.", "by": "DI 2" """),
            At(""" "type": "referral", "person": "V1", "to": "IDVA", "consent": true, "status": "Made" """),
            At(""" "type": "contact-agreement", "victim": "V1", "case": "C1", "frequency": "Every7Days", "method": "Email", "safeContact": "Work email." """),
            At(""" "type": "victim-contact", "victim": "V1", "by": "DC 1", "summary": "Told of charge.", "informs": ["Charge", "Bail"] """),
            At(""" "type": "advice", "victim": "V1", "by": "DC 1", "text": "Keep a diary." """),
            At(""" "type": "evidence", "incident": "I1", "kind": "CCTV", "status": "Requested", "availableUntil": "2024-03-01T00:00:00Z", "expectedBy": "2024-02-15T00:00:00Z" """),
            At(""" "type": "record-access", "user": "analyst1", "person": "S1", "purpose": "Review for MARAC." """),
            At(""" "type": "clock" """)));

        Assert.Equal(
            [
                typeof(PersonEvent), typeof(PersonEvent), typeof(IncidentEvent), typeof(CaseEvent), typeof(OrderEvent),
                typeof(IncidentUpdateEvent), typeof(CaseUpdateEvent), typeof(ScreeningEvent), typeof(RiskAssessmentEvent),
                typeof(OrderUpdateEvent), typeof(BreachEvent), typeof(SightingEvent), typeof(ConsiderationEvent),
                typeof(ReferralEvent), typeof(ContactAgreementEvent), typeof(VictimContactEvent), typeof(AdviceEvent),
                typeof(EvidenceEvent), typeof(RecordAccessEvent), typeof(ClockEvent),
            ],
            document.Events.Select(e => e.GetType()));
        Assert.Equal(TimelineEventTypes.All.Order(StringComparer.Ordinal), document.Events.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal));
        var caseUpdate = Assert.IsType<CaseUpdateEvent>(document.Events[6]);
        Assert.Equal((Classification.StalkingS2A, CaseStatus.Charged, 1), (caseUpdate.Offence, caseUpdate.Status, caseUpdate.Outcome));
        var conditions = Assert.IsType<OrderUpdateEvent>(document.Events[9]).Conditions!;
        Assert.Equal(7, conditions.Count);
        var polygon = Assert.IsType<ExclusionZonePolygon>(Assert.IsType<ExclusionZoneCondition>(conditions[0]).Area);
        Assert.Equal(new GeoPoint(51.2, -4.2), polygon.Points[2]);
        Assert.Equal(new ResideAtCondition("2 Mill Lane", new GeoPoint(51.9, -3.4)), conditions[2]);
        Assert.Equal(new OtherCondition("No alcohol."), conditions[6]);
        var breach = Assert.IsType<BreachEvent>(document.Events[10]);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 21, 0, 0, TimeSpan.Zero), breach.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), breach.OccurredAt!.Value.Offset);
        Assert.Equal([VictimInformed.Charge, VictimInformed.Bail], Assert.IsType<VictimContactEvent>(document.Events[15]).Informs);
        Assert.Equal("C1", Assert.IsType<ContactAgreementEvent>(document.Events[14]).Case);
        Assert.Null(Assert.IsType<ContactAgreementEvent>(document.Events[14]).Incident);
        Assert.Equal("AA", document.Refs["B1"].Force);
    }

    [Fact]
    public void Read_FromPath_ReadsTheFile()
    {
        var path = Path.Combine(ExamplesFolder, "ex3-controls.json");

        var document = TimelineReader.Read(path);

        Assert.Equal("Controls: a sales company's repeated calls, and two different men with the same common name", document.Title);
        Assert.Equal("AA", Assert.Single(document.Forces).Code);
    }

    [Fact]
    public void Read_MalformedJson_NamesLineAndPosition()
    {
        var error = Fails("{\"format\": \"vigil-timeline/1\",\n  \"forces\": [}");

        Assert.StartsWith("malformed JSON at line 2, position 14: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Null(error.EventIndex);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Read_TrailingComma_IsMalformed()
    {
        var error = Fails("""{"format": "vigil-timeline/1", "forces": [], "events": [],}""");

        Assert.StartsWith("malformed JSON at line 1, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RootIsNotAnObject_Refused() =>
        AssertFails("[]", null, null, "expected a JSON object with format, forces and events at the top level, found an array");

    [Fact]
    public void Read_OtherFormat_Refused() =>
        AssertFails(
            """{"format": "vigil-timeline/2", "forces": [], "events": [], "newThing": 1}""",
            null, "format", "field format: expected 'vigil-timeline/1', found 'vigil-timeline/2'");

    [Fact]
    public void Read_FormatMissing_Refused() =>
        AssertFails("""{"forces": [], "events": []}""", null, "format", "field format: required but not given; expected 'vigil-timeline/1'");

    [Fact]
    public void Read_UnknownTopLevelField_Refused()
    {
        var error = Fails("""{"format": "vigil-timeline/1", "forces": [{"code": "AA", "name": "A"}], "events": [], "author": "me"}""");

        Assert.Equal("field author: unknown field 'author' in the document; expected one of format, title, forces, events", error.Message);
        Assert.Equal("author", error.Field);
    }

    [Fact]
    public void Read_SeekableStreamOverTheLimit_RefusedWithoutReadingIt()
    {
        var stream = new UnreadableStream(50L * 1024 * 1024);

        var error = Assert.Throws<TimelineFormatException>(() => TimelineReader.Read(stream));

        Assert.Equal(
            "the file is too large: the maximum is 20,971,520 bytes (20 MB) and the file is 52,428,800 bytes; it was not parsed",
            error.Message);
        Assert.Null(error.EventIndex);
    }

    [Fact]
    public void Read_FileOverTheLimit_RefusedBeforeParsing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-timeline-{Guid.NewGuid():N}.json");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(50L * 1024 * 1024);
            }

            var error = Assert.Throws<TimelineFormatException>(() => TimelineReader.Read(path));

            Assert.Contains("the maximum is 20,971,520 bytes (20 MB) and the file is 52,428,800 bytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_UnseekableStreamOverTheLimit_StopsReadingAtTheLimit()
    {
        var stream = new EndlessStream();

        var error = Assert.Throws<TimelineFormatException>(() => TimelineReader.Read(stream, maxBytes: 1_000_000));

        Assert.Equal(
            "the file is too large: the maximum is 1,000,000 bytes (1 MB) and the file is larger than that; it was not parsed",
            error.Message);
        Assert.InRange(stream.BytesRead, 1_000_001, 1_000_000 + (128 * 1024));
    }

    [Fact]
    public void Read_FileWithinACustomLimit_Read()
    {
        var json = Timeline(Victim);

        var document = TimelineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxBytes: json.Length);

        Assert.Single(document.Events);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_Ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Timeline(Victim))).ToArray();

        var document = TimelineReader.Read(new MemoryStream(bytes));

        Assert.Equal("V1", Assert.IsType<PersonEvent>(Assert.Single(document.Events)).Ref);
    }

    [Fact]
    public void Read_NoForces_Refused() =>
        AssertFails("""{"format": "vigil-timeline/1", "forces": [], "events": []}""", null, "forces", "field forces: expected at least one force");

    [Fact]
    public void Read_ForceCodeDeclaredTwice_Refused() =>
        AssertFails(
            """{"format": "vigil-timeline/1", "forces": [{"code": "AA", "name": "A"}, {"code": " AA ", "name": "B"}], "events": []}""",
            null, "forces[1].code", "field forces[1].code: 'AA' is declared twice: first at forces[0]");

    [Fact]
    public void Read_ForceCodeEmpty_Refused() =>
        AssertFails(
            """{"format": "vigil-timeline/1", "forces": [{"code": "  ", "name": "A"}], "events": []}""",
            null, "forces[0].code", "field forces[0].code: must not be empty");

    [Fact]
    public void Read_TeamCodeDeclaredTwiceInAForce_Refused() =>
        AssertFails(
            """
            {"format": "vigil-timeline/1", "forces": [{"code": "AA", "name": "A", "teams": [
              {"code": "PPU", "name": "Public protection"}, {"code": "PPU", "name": "Again"}]}], "events": []}
            """,
            null, "forces[0].teams[1].code", "field forces[0].teams[1].code: 'PPU' is declared twice in force AA: first at forces[0].teams[0]");

    [Fact]
    public void Read_SameTeamCodeInTwoForces_Allowed()
    {
        var document = TimelineReader.Read(Path.Combine(ExamplesFolder, "ex1-cross-force-messages.json"));

        Assert.All(document.Forces, f => Assert.Equal(new TimelineTeam("RESP", "Response", false), Assert.Single(f.Teams)));
    }

    [Fact]
    public void Read_EventWithoutAt_Refused() =>
        AssertFails(
            Timeline("""{"type": "person", "ref": "V1"}"""),
            0, "at", "event 0 (person), field at: required but not given; expected the ISO-8601 instant the event was recorded, such as 2024-02-01T09:30:00Z");

    [Theory]
    [InlineData("2024-01-01T09:00:00")]
    [InlineData("2024-01-01")]
    [InlineData("01/02/2024 09:00")]
    [InlineData("2024-02-30T09:00:00Z")]
    public void Read_AtNotAnInstant_Refused(string at) =>
        AssertFails(
            Timeline($$"""{"at": "{{at}}", "type": "person", "ref": "V1"}"""),
            0, "at", $"event 0 (person), field at: expected an ISO-8601 instant with an offset or Z, such as 2024-02-01T09:30:00Z, found '{at}'");

    [Fact]
    public void Read_AtNotAString_Refused() =>
        AssertFails(
            Timeline("""{"at": 1704099600, "type": "person", "ref": "V1"}"""),
            0, "at", "event 0 (person), field at: expected an ISO-8601 instant with an offset or Z, such as 2024-02-01T09:30:00Z, found 1704099600");

    [Fact]
    public void Read_EventsOutOfTimeOrder_NamesBothTimes() =>
        AssertFails(
            Timeline(Victim, """{"at": "2024-01-01T09:30:00+01:00", "type": "person", "ref": "S1"}"""),
            1, "at",
            "event 1 (person), field at: 2024-01-01T09:30:00+01:00 is earlier than 2024-01-01T09:00:00Z, the time of event 0; events must be in time order");

    [Fact]
    public void Read_EventsAtTheSameInstantInDifferentOffsets_InOrder()
    {
        var document = Read(Timeline(Victim, """{"at": "2024-01-01T10:00:00+01:00", "type": "person", "ref": "S1"}"""));

        Assert.Equal(document.Events[0].At, document.Events[1].At);
    }

    [Fact]
    public void Read_UnknownEventType_ListsTheTypes()
    {
        var error = Fails(Timeline(Victim, At(""" "type": "persn", "ref": "V2" """)));

        Assert.Equal(1, error.EventIndex);
        Assert.Equal("type", error.Field);
        Assert.StartsWith("event 1, field type: expected one of person, incident, incident-update, case, ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("record-access, clock, found 'persn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventWithoutType_Refused()
    {
        var error = Fails(Timeline(At(""" "ref": "V1" """)));

        Assert.Equal((0, "type"), (error.EventIndex, error.Field));
        Assert.StartsWith("event 0, field type: required but not given; expected one of person, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventNotAnObject_Refused() =>
        AssertFails(Timeline(Victim, "\"person\""), 1, null, "event 1: expected an object, found 'person'");

    [Fact]
    public void Read_UnknownEventField_NamesTheField() =>
        AssertFails(
            Timeline(At(""" "type": "advice", "victim": "V1", "text": "Block him.", "urgent": true """)),
            0, "urgent", "event 0 (advice), field urgent: unknown field 'urgent' in an advice event; expected one of at, type, victim, by, text");

    [Fact]
    public void Read_UnknownFieldInANestedObject_NamesItsPath() =>
        AssertFails(
            Timeline(At(""" "type": "person", "ref": "V1", "addresses": [{"text": "1 High St"}, {"text": "2 Low St", "town": "Brecon"}] """)),
            0, "addresses[1].town",
            "event 0 (person), field addresses[1].town: unknown field 'town' in an address; expected one of text, postcode, lat, lon, kind");

    [Fact]
    public void Read_FieldOfAnotherConditionType_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, At("""
                "type": "order", "ref": "O1", "orderType": "SPO", "subject": "S1", "status": "Granted",
                "conditions": [{"type": "NoContact", "radiusMetres": 500}]
                """)),
            2, "conditions[0].radiusMetres",
            "event 2 (order), field conditions[0].radiusMetres: unknown field 'radiusMetres' in a NoContact condition; expected one of type, indirect");

    [Fact]
    public void Read_FieldGivenTwice_Refused() =>
        AssertFails(
            Timeline("""{"at": "2024-01-01T09:00:00Z", "type": "person", "ref": "V1", "ref": "V2"}"""),
            0, "ref", "event 0 (person), field ref: given twice");

    [Theory]
    [InlineData(""" "type": "person", "given": "Megan" """, "person", "ref")]
    [InlineData(""" "type": "incident", "ref": "I2" """, "incident", "classification")]
    [InlineData(""" "type": "breach", "ref": "B1" """, "breach", "order")]
    [InlineData(""" "type": "order", "ref": "O1", "orderType": "SPO", "status": "Granted" """, "order", "subject")]
    [InlineData(""" "type": "sighting", "person": "V1", "kind": "Seen" """, "sighting", "location")]
    [InlineData(""" "type": "referral", "person": "V1", "status": "Made" """, "referral", "to")]
    [InlineData(""" "type": "advice", "victim": "V1" """, "advice", "text")]
    [InlineData(""" "type": "record-access", "person": "V1" """, "record-access", "user")]
    [InlineData(""" "type": "evidence", "incident": "I1", "kind": "CCTV" """, "evidence", "status")]
    [InlineData(""" "type": "case", "ref": "C2" """, "case", "incidents")]
    [InlineData(""" "type": "risk-assessment", "ref": "R1", "victim": "V1", "incident": "I1" """, "risk-assessment", "tool")]
    public void Read_RequiredFieldMissing_NamesIt(string fields, string type, string field) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(fields)),
            3, field, $"event 3 ({type}), field {field}: required but not given");

    [Fact]
    public void Read_RequiredFieldNull_IsMissing() =>
        AssertFails(Timeline(At(""" "type": "person", "ref": null """)), 0, "ref", "event 0 (person), field ref: required but not given");

    [Theory]
    [InlineData(""" "recordedAsCrime": "yes" """, "recordedAsCrime", "expected true or false, found 'yes'")]
    [InlineData(""" "narrative": 12 """, "narrative", "expected a string, found 12")]
    [InlineData(""" "behaviours": "Following" """, "behaviours", "expected an array, found 'Following'")]
    [InlineData(""" "impact": [true] """, "impact", "expected an object, found an array")]
    [InlineData(""" "location": {"text": "Car park", "lat": "51.6", "lon": -3.9} """, "location.lat", "expected a latitude from -90 to 90, found '51.6'")]
    [InlineData(""" "parties": [{"person": 7, "role": "Victim"}] """, "parties[0].person", "expected a string, found 7")]
    [InlineData(""" "channels": ["Text", null] """, "channels[1]", "expected one of InPerson, Phone, Text, SocialMedia, Email, Letter, ThirdParty, Online, found null")]
    public void Read_FieldOfTheWrongJsonType_SaysWhatWasExpected(string field, string path, string expected) =>
        AssertFails(
            Timeline(Victim, At($$""" "type": "incident", "ref": "I1", "classification": "Harassment", {{field}} """)),
            1, path, $"event 1 (incident), field {path}: {expected}");

    [Fact]
    public void Read_OutcomeNotAWholeNumber_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, Case, At(""" "type": "case-update", "case": "C1", "outcome": 1.5 """)),
            4, "outcome", "event 4 (case-update), field outcome: expected a whole number, found 1.5");

    [Fact]
    public void Read_RefDefinedTwice_NamesTheFirstDefinition() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(""" "type": "person", "ref": "I1" """)),
            3, "ref", "event 3 (person), field ref: 'I1' is defined twice: first at event 2");

    [Fact]
    public void Read_RefUsedBeforeItIsDefined_SaysWhereItIsDefined() =>
        AssertFails(
            Timeline(Victim, Incident, Suspect),
            1, "parties[1].person", "event 1 (incident), field parties[1].person: 'S1' is used before it is defined (at event 2)");

    [Fact]
    public void Read_RefNeverDefined_Refused() =>
        AssertFails(
            Timeline(Victim, At(""" "type": "advice", "victim": "V2", "text": "Call 999." """)),
            1, "victim", "event 1 (advice), field victim: 'V2' is not defined by any event; expected a person ref");

    [Fact]
    public void Read_EventReferringToItsOwnRef_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(""" "type": "case", "ref": "C1", "incidents": ["I1", "C1"] """)),
            3, "incidents[1]", "event 3 (case), field incidents[1]: 'C1' is used before it is defined (at event 3)");

    [Theory]
    [InlineData(""" "type": "incident-update", "incident": "C1", "narrative": "x" """, "incident", "'C1' is a case (event 3), expected an incident")]
    [InlineData(""" "type": "case-update", "case": "I1", "status": "Closed" """, "case", "'I1' is an incident (event 2), expected a case")]
    [InlineData(""" "type": "case-update", "case": "C1", "incidents": ["I1", "V1"] """, "incidents[1]", "'V1' is a person (event 0), expected an incident")]
    [InlineData(""" "type": "breach", "ref": "B1", "order": "C1" """, "order", "'C1' is a case (event 3), expected an order")]
    [InlineData(""" "type": "breach", "ref": "B1", "order": "O1", "reportedBy": "O1" """, "reportedBy", "'O1' is an order (event 4), expected a person")]
    [InlineData(""" "type": "advice", "victim": "I1", "text": "x" """, "victim", "'I1' is an incident (event 2), expected a person")]
    [InlineData(""" "type": "sighting", "person": "C1", "location": {"text": "x"}, "kind": "Seen" """, "person", "'C1' is a case (event 3), expected a person")]
    [InlineData(""" "type": "order", "ref": "O2", "orderType": "SPO", "subject": "I1", "status": "Applied" """, "subject", "'I1' is an incident (event 2), expected a person")]
    [InlineData(""" "type": "order", "ref": "O2", "orderType": "SPO", "subject": "S1", "protected": ["O1"], "status": "Applied" """, "protected[0]", "'O1' is an order (event 4), expected a person")]
    [InlineData(""" "type": "incident", "ref": "I2", "classification": "Theft", "parties": [{"person": "V1", "role": "Victim"}, {"person": "I1", "role": "Suspect"}] """, "parties[1].person", "'I1' is an incident (event 2), expected a person")]
    [InlineData(""" "type": "screening", "case": "O1" """, "case", "'O1' is an order (event 4), expected a case")]
    public void Read_RefOfTheWrongKind_SaysWhatItIs(string fields, string field, string problem)
    {
        var error = Fails(Timeline(Victim, Suspect, Incident, Case, Order, At(fields)));

        Assert.Equal((5, field), (error.EventIndex, error.Field));
        Assert.EndsWith($", field {field}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefListedTwice_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(""" "type": "case", "ref": "C1", "incidents": ["I1", "I1"] """)),
            3, "incidents[1]", "event 3 (case), field incidents[1]: 'I1' is listed twice: first at incidents[0]");

    [Fact]
    public void Read_UndeclaredForce_ListsTheDeclaredOnes() =>
        AssertFails(
            Timeline(At(""" "type": "person", "ref": "V1", "force": "CC" """)),
            0, "force", "event 0 (person), field force: 'CC' is not a declared force; expected one of AA, BB");

    [Fact]
    public void Read_ForceOmitted_IsTheFirstForce()
    {
        var document = Read(Timeline(Victim, At(""" "type": "person", "ref": "V2", "force": "BB" """)));

        Assert.Equal(["AA", "BB"], document.Events.Cast<PersonEvent>().Select(p => p.Force));
        Assert.Equal("AA", document.Refs["V1"].Force);
    }

    [Fact]
    public void Read_UndeclaredTeam_RecordedOnceUnderTheEventsForce()
    {
        var document = Read(Timeline(
            Victim,
            Suspect,
            At(""" "type": "incident", "ref": "I1", "force": "BB", "classification": "Harassment", "team": "CID" """),
            At(""" "type": "incident", "ref": "I2", "classification": "Harassment", "team": "PPU" """),
            At(""" "type": "case", "ref": "C1", "incidents": ["I1", "I2"], "team": "CID" """),
            At(""" "type": "case-update", "case": "C1", "team": "STALK" """)));

        Assert.Equal([new UndeclaredTeam("BB", "CID", 2), new UndeclaredTeam("BB", "STALK", 5)], document.UndeclaredTeams);
        Assert.Equal("BB", document.Refs["C1"].Force);
    }

    [Fact]
    public void Read_EnumerationsInAnyCase_Parsed()
    {
        var document = Read(Timeline(
            At(""" "type": "person", "ref": "V1", "sex": "f", "addresses": [{"text": "1 High St", "kind": "HOME"}] """),
            At(""" "type": "person", "ref": "S1" """),
            At(""" "type": "incident", "ref": "I1", "classification": "stalkings2a", "channels": ["socialmedia"], "parties": [{"person": "V1", "role": "victim"}] """)));

        var incident = Assert.IsType<IncidentEvent>(document.Events[2]);
        Assert.Equal(Classification.StalkingS2A, incident.Classification);
        Assert.Equal(PartyRole.Victim, incident.Parties[0].Role);
        Assert.Equal(Sex.F, Assert.IsType<PersonEvent>(document.Events[0]).Sex);
        Assert.Equal(AddressKind.Home, Assert.IsType<PersonEvent>(document.Events[0]).Addresses[0].Kind);
    }

    [Fact]
    public void Read_UnknownEnumerationValue_ListsTheAllowedNames() =>
        AssertFails(
            Timeline(
                Victim,
                Suspect,
                Incident,
                Case,
                Order,
                At(""" "type": "advice", "victim": "V1", "text": "Keep a diary." """),
                At(""" "type": "advice", "victim": "V1", "text": "Call 999." """),
                At(""" "type": "incident", "ref": "I2", "classification": "Harassment", "parties": [{"person": "V1", "role": "Victim"}, {"person": "S1", "role": "Offender"}] """)),
            7, "parties[1].role", "event 7 (incident), field parties[1].role: expected one of Victim, Suspect, Witness, Reporter, found 'Offender'");

    [Fact]
    public void Read_NumericEnumerationValue_Refused() =>
        AssertFails(
            Timeline(At(""" "type": "person", "ref": "V1", "sex": "1" """)),
            0, "sex", "event 0 (person), field sex: expected one of F, M, X, U, found '1'");

    [Theory]
    [InlineData("1994-06-12", 1994, 6, 12)]
    [InlineData("1994-06", 1994, 6, null)]
    [InlineData("1994", 1994, null, null)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    public void Read_DateOfBirth_ReadAsFarAsKnown(string dob, int year, int? month, int? day)
    {
        var document = Read(Timeline(At($$""" "type": "person", "ref": "V1", "dob": "{{dob}}" """)));

        Assert.Equal(new PartialDate(year, month, day), Assert.IsType<PersonEvent>(document.Events[0]).Dob);
    }

    [Theory]
    [InlineData("12/06/1994")]
    [InlineData("1994-6-12")]
    [InlineData("94")]
    [InlineData("1994-06-12T00:00:00Z")]
    public void Read_DateOfBirthInAnotherFormat_Refused(string dob) =>
        AssertFails(
            Timeline(At($$""" "type": "person", "ref": "V1", "dob": "{{dob}}" """)),
            0, "dob", $"event 0 (person), field dob: expected a date of birth as yyyy-MM-dd, yyyy-MM or yyyy, found '{dob}'");

    [Theory]
    [InlineData("1994-02-29")]
    [InlineData("1994-13")]
    [InlineData("1994-04-31")]
    [InlineData("1066")]
    public void Read_DateOfBirthNotARealDate_Refused(string dob) =>
        AssertFails(
            Timeline(At($$""" "type": "person", "ref": "V1", "dob": "{{dob}}" """)),
            0, "dob", $"event 0 (person), field dob: '{dob}' is not a real date from 1850 on");

    [Fact]
    public void Read_DateOfBirthAfterTheEvent_Refused() =>
        AssertFails(
            Timeline(At(""" "type": "person", "ref": "V1", "dob": "2025" """)),
            0, "dob", "event 0 (person), field dob: '2025' is after the event's time 2024-02-01T00:00:00Z");

    [Theory]
    [InlineData(""" "lat": 90.5, "lon": 0 """, "location.lat", "expected a latitude from -90 to 90, found 90.5")]
    [InlineData(""" "lat": 0, "lon": -180.01 """, "location.lon", "expected a longitude from -180 to 180, found -180.01")]
    [InlineData(""" "lat": 51.6 """, "location.lon", "required when lat is given")]
    [InlineData(""" "lon": -3.9 """, "location.lat", "required when lon is given")]
    public void Read_LocationOutOfRangeOrHalfGiven_Refused(string fields, string path, string problem) =>
        AssertFails(
            Timeline(Victim, At($$""" "type": "sighting", "person": "V1", "kind": "Seen", "location": { {{fields}} } """)),
            1, path, $"event 1 (sighting), field {path}: {problem}");

    [Fact]
    public void Read_EmptyLocation_Refused() =>
        AssertFails(
            Timeline(Victim, At(""" "type": "sighting", "person": "V1", "kind": "Seen", "location": {"text": " "} """)),
            1, "location", "event 1 (sighting), field location: expected text, or lat and lon, or both");

    [Theory]
    [InlineData(""" "lat": 51.6, "lon": -3.9, "radiusMetres": 0 """, "conditions[0].radiusMetres", "expected a radius in metres greater than 0, found 0")]
    [InlineData(""" "lat": 51.6, "lon": -3.9, "radiusMetres": -50 """, "conditions[0].radiusMetres", "expected a radius in metres greater than 0, found -50")]
    [InlineData(""" "lat": 51.6, "lon": -3.9 """, "conditions[0].radiusMetres", "required but not given")]
    [InlineData(""" "polygon": [[51.1, -4.1], [51.2, -4.1]] """, "conditions[0].polygon", "expected at least 3 points, found 2")]
    [InlineData(""" "polygon": [[51.1, -4.1], [51.2, -4.1], [51.2]] """, "conditions[0].polygon[2]", "expected a point as [lat, lon], found an array")]
    [InlineData(""" "polygon": [[51.1, -4.1], [51.2, -4.1], {"lat": 1, "lon": 2}] """, "conditions[0].polygon[2]", "expected a point as [lat, lon], found an object")]
    [InlineData(""" "polygon": [[51.1, -4.1], [51.2, -4.1], [-91, -4.2]] """, "conditions[0].polygon[2][0]", "expected a latitude from -90 to 90, found -91")]
    [InlineData(""" "polygon": [[51.1, -4.1], [51.2, -4.1], [51.2, 181]] """, "conditions[0].polygon[2][1]", "expected a longitude from -180 to 180, found 181")]
    [InlineData(""" "radiusMetres": 100, "polygon": [[51.1, -4.1], [51.2, -4.1], [51.2, -4.2]] """, "conditions[0].polygon", "expected either a circle (lat, lon and radiusMetres) or a polygon, not both")]
    [InlineData(""" """, "conditions[0]", "expected a circle (lat, lon and radiusMetres) or a polygon")]
    public void Read_ExclusionZoneNotACircleOrPolygon_Refused(string fields, string path, string problem) =>
        AssertFails(
            Timeline(Victim, Suspect, At($$"""
                "type": "order", "ref": "O1", "orderType": "SPO", "subject": "S1", "status": "Granted",
                "conditions": [{"type": "ExclusionZone" {{(fields.Trim().Length == 0 ? "" : "," + fields)}} }]
                """)),
            2, path, $"event 2 (order), field {path}: {problem}");

    [Fact]
    public void Read_ConditionWithoutAType_Refused()
    {
        var error = Fails(Timeline(Victim, Suspect, At("""
            "type": "order", "ref": "O1", "orderType": "SPO", "subject": "S1", "status": "Granted", "conditions": [{"indirect": true}]
            """)));

        Assert.Equal(
            "event 2 (order), field conditions[0].type: required but not given; expected one of NoContact, ExclusionZone, NotToAttend, ResideAt, Programme, DeviceAccess, Notify, Other",
            error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(23)]
    [InlineData(-1)]
    public void Read_OutcomeOutsideOneToTwentyTwo_Refused(int outcome) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, Case, At($$""" "type": "case-update", "case": "C1", "status": "Closed", "outcome": {{outcome}} """)),
            4, "outcome", $"event 4 (case-update), field outcome: expected a Home Office outcome type from 1 to 22, found {outcome}");

    [Fact]
    public void Read_BreachOfAConditionTheOrderHas_Accepted()
    {
        var document = Read(Timeline(Victim, Suspect, Order, At(""" "type": "breach", "ref": "B1", "order": "O1", "condition": 0 """)));

        Assert.Equal(0, Assert.IsType<BreachEvent>(document.Events[3]).Condition);
    }

    [Fact]
    public void Read_BreachOfAConditionPastTheEnd_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Order, At(""" "type": "breach", "ref": "B1", "order": "O1", "condition": 1 """)),
            3, "condition", "event 3 (breach), field condition: expected an index into the conditions of order 'O1', from 0 to 0 at this point, found 1");

    [Fact]
    public void Read_BreachOfAConditionAddedByAnUpdate_Accepted()
    {
        var document = Read(Timeline(
            Victim,
            Suspect,
            Order,
            At(""" "type": "order-update", "order": "O1", "conditions": [{"type": "NoContact"}, {"type": "NotToAttend", "address": "7 Station Road"}] """),
            At(""" "type": "breach", "ref": "B1", "order": "O1", "condition": 1 """)));

        Assert.Equal(1, Assert.IsType<BreachEvent>(document.Events[4]).Condition);
    }

    [Fact]
    public void Read_BreachOfAConditionRemovedByAnUpdate_Refused() =>
        AssertFails(
            Timeline(
                Victim,
                Suspect,
                Order,
                At(""" "type": "order-update", "order": "O1", "conditions": [] """),
                At(""" "type": "breach", "ref": "B1", "order": "O1", "condition": 0 """)),
            4, "condition", "event 4 (breach), field condition: order 'O1' has no conditions at this point, so there is no condition 0");

    [Theory]
    [InlineData("DASH", "dash01")]
    [InlineData("DASH", "dash27")]
    [InlineData("Stalking", "st11")]
    [InlineData("HomicideTimeline", "ht8")]
    public void Read_RiskQuestionOfTheTool_Accepted(string tool, string question)
    {
        var document = Read(Timeline(Victim, Suspect, Incident, At($$"""
            "type": "risk-assessment", "ref": "R1", "victim": "V1", "incident": "I1", "tool": "{{tool}}", "answers": {"{{question}}": true}
            """)));

        Assert.True(Assert.IsType<RiskAssessmentEvent>(document.Events[3]).Answers[question]);
    }

    [Theory]
    [InlineData("DASH", "dash28", "'dash28' is not a question id; expected dash01 to dash27, st01 to st11 or ht1 to ht8")]
    [InlineData("DASH", "dash1", "'dash1' is not a question id; expected dash01 to dash27, st01 to st11 or ht1 to ht8")]
    [InlineData("Stalking", "st00", "'st00' is not a question id; expected dash01 to dash27, st01 to st11 or ht1 to ht8")]
    [InlineData("HomicideTimeline", "ht9", "'ht9' is not a question id; expected dash01 to dash27, st01 to st11 or ht1 to ht8")]
    [InlineData("DASH", "st01", "'st01' is not a DASH question; expected dash01 to dash27")]
    [InlineData("HomicideTimeline", "dash03", "'dash03' is not a HomicideTimeline question; expected ht1 to ht8")]
    public void Read_RiskQuestionNotOfTheTool_Refused(string tool, string question, string problem) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At($$"""
                "type": "risk-assessment", "ref": "R1", "victim": "V1", "incident": "I1", "tool": "{{tool}}", "answers": {"{{question}}": true}
                """)),
            3, $"answers.{question}", $"event 3 (risk-assessment), field answers.{question}: {problem}");

    [Fact]
    public void Read_ScreeningAnswerNotABool_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(""" "type": "screening", "incident": "I1", "answers": {"st01": "yes"} """)),
            3, "answers.st01", "event 3 (screening), field answers.st01: expected true or false, found 'yes'");

    [Theory]
    [InlineData("screening", "")]
    [InlineData("consideration", """, "what": "SPO", "decision": "Progressed" """)]
    [InlineData("evidence", """, "kind": "CCTV", "status": "Secured" """)]
    [InlineData("contact-agreement", """, "victim": "V1", "frequency": "Every7Days" """)]
    public void Read_BothIncidentAndCase_Refused(string type, string fields) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, Case, At($$""" "type": "{{type}}", "incident": "I1", "case": "C1" {{fields}} """)),
            4, "case", $"event 4 ({type}), field case: expected either incident or case, not both");

    [Theory]
    [InlineData("screening", """ "by": "PC 1" """)]
    [InlineData("consideration", """ "what": "SPO", "decision": "Progressed" """)]
    [InlineData("evidence", """ "kind": "CCTV", "status": "Secured" """)]
    [InlineData("contact-agreement", """ "victim": "V1", "frequency": "Every7Days" """)]
    public void Read_NeitherIncidentNorCase_Refused(string type, string fields) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, Case, At($$""" "type": "{{type}}", {{fields}} """)),
            4, "incident", $"event 4 ({type}), field incident: required but not given; expected either incident or case");

    [Theory]
    [InlineData(""" "type": "incident-update", "incident": "I1" """, "incident-update", "classification, recordedAsCrime, narrative, behaviours, impact")]
    [InlineData(""" "type": "case-update", "case": "C1", "incidents": null """, "case-update", "incidents, officer, team, offence, status, outcome")]
    [InlineData(""" "type": "order-update", "order": "O1", "status": null """, "order-update", "status, ends, conditions, orderType")]
    public void Read_UpdateChangingNothing_Refused(string fields, string type, string names) =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, Case, Order, At(fields)),
            5, null, $"event 5 ({type}): expected at least one change: {names}");

    [Fact]
    public void Read_OffenceWithoutRationale_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, Incident, At(""" "type": "case", "ref": "C1", "incidents": ["I1"], "offence": "StalkingS4A" """)),
            3, "rationale", "event 3 (case), field rationale: required with offence: an offence decision must give its rationale");

    [Fact]
    public void Read_SubjectAlsoProtected_Refused() =>
        AssertFails(
            Timeline(Victim, Suspect, At(""" "type": "order", "ref": "O1", "orderType": "DVPN", "subject": "S1", "protected": ["V1", "S1"], "status": "Served" """)),
            2, "protected[1]", "event 2 (order), field protected[1]: 'S1' is the order's subject and cannot also be protected by it");

    [Fact]
    public void Read_OccurredToBeforeOccurredFrom_Refused() =>
        AssertFails(
            Timeline(At(""" "type": "incident", "ref": "I1", "classification": "Theft", "occurredFrom": "2024-01-02T00:00:00Z", "occurredTo": "2024-01-01T00:00:00Z" """)),
            0, "occurredTo", "event 0 (incident), field occurredTo: 2024-01-01T00:00:00Z is before occurredFrom 2024-01-02T00:00:00Z");

    [Fact]
    public void Read_Strings_Trimmed()
    {
        var document = Read(Timeline(At(""" "type": "person", "ref": " V1 ", "given": "  Megan ", "family": "", "phones": [" 07700 900123 "] """)));

        var person = Assert.IsType<PersonEvent>(document.Events[0]);
        Assert.Equal(("V1", "Megan", null, "07700 900123"), (person.Ref, person.Given, person.Family, person.Phones[0]));
        Assert.True(document.Refs.ContainsKey("V1"));
    }

    [Fact]
    public void Read_NarrativeOverTheLimit_Refused()
    {
        var narrative = new string('x', TimelineLimits.Text + 1);

        AssertFails(
            Timeline(At($$""" "type": "incident", "ref": "I1", "classification": "Theft", "narrative": "{{narrative}}" """)),
            0, "narrative", "event 0 (incident), field narrative: expected at most 10,000 characters, found 10,001");
    }

    [Fact]
    public void Read_NarrativeAtTheLimit_Accepted()
    {
        var narrative = new string('x', TimelineLimits.Text);

        var document = Read(Timeline(At($$""" "type": "incident", "ref": "I1", "classification": "Theft", "narrative": "{{narrative}}" """)));

        Assert.Equal(narrative, Assert.IsType<IncidentEvent>(document.Events[0]).Narrative);
    }

    [Fact]
    public void Read_NameOverTheLimit_Refused() =>
        AssertFails(
            Timeline(At($$""" "type": "person", "ref": "V1", "aliases": ["Meg", "{{new string('y', 201)}}"] """)),
            0, "aliases[1]", "event 0 (person), field aliases[1]: expected at most 200 characters, found 201");

    [Fact]
    public void Read_EmptyItemInAList_Refused() =>
        AssertFails(
            Timeline(At(""" "type": "person", "ref": "V1", "emails": ["  "] """)),
            0, "emails[0]", "event 0 (person), field emails[0]: must not be empty");

    [Fact]
    public void Read_PartyListedTwice_Refused() =>
        AssertFails(
            Timeline(Victim, At(""" "type": "incident", "ref": "I1", "classification": "Theft", "parties": [{"person": "V1", "role": "Victim"}, {"person": "V1", "role": "victim"}] """)),
            1, "parties[1]", "event 1 (incident), field parties[1]: 'V1' is already a Victim at parties[0]");

    [Fact]
    public void Read_Refs_NameTheDefiningEventAndKind()
    {
        var document = Read(Timeline(Victim, Suspect, Incident, Case, Order, At(""" "type": "breach", "ref": "B1", "order": "O1" """)));

        Assert.Equal(
            [
                new TimelineRef("V1", TimelineRefKind.Person, 0, "AA"),
                new TimelineRef("S1", TimelineRefKind.Person, 1, "AA"),
                new TimelineRef("I1", TimelineRefKind.Incident, 2, "AA"),
                new TimelineRef("C1", TimelineRefKind.Case, 3, "AA"),
                new TimelineRef("O1", TimelineRefKind.Order, 4, "AA"),
                new TimelineRef("B1", TimelineRefKind.Breach, 5, "AA"),
            ],
            document.Refs.Values.OrderBy(r => r.EventIndex));
    }

    /// <summary>Claims a length it never delivers: reading it at all is the failure under test.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The reader read a stream it should have refused by its length.");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An upload of unknown length that never ends, counting what has been taken from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
