using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Features.Cases;
using Vigil.Features.Incidents;
using Vigil.Features.People;
using Vigil.Features.Considerations;
using Vigil.Features.Evidence;
using Vigil.Features.Orders;
using Vigil.Features.Referrals;
using Vigil.Features.Risk;
using Vigil.Features.VictimCare;

namespace Vigil.Features.Timeline;

/// <summary>
/// Walks a parsed timeline event by event, in file order, keeping what a replay would know at each point (the
/// refs defined so far, each order's current conditions) so a reference is checked against the state it will
/// meet when applied, not against the file as a whole.
/// </summary>
internal sealed partial class TimelineParser
{
    private static readonly string[] RootFields = ["format", "title", "forces", "events"];
    private static readonly string[] ForceFields = ["code", "name", "teams"];
    private static readonly string[] TeamFields = ["code", "name", "specialist"];
    private static readonly string[] AddressFields = ["text", "postcode", "lat", "lon", "kind"];
    private static readonly string[] LocationFields = ["text", "lat", "lon"];
    private static readonly string[] PartyFields = ["person", "role"];
    private static readonly string[] ImpactFields = ["fearOfViolence", "seriousAlarmOrDistress", "changedRoutine"];

    private static readonly Dictionary<string, string[]> EventFields = new(StringComparer.Ordinal)
    {
        [TimelineEventTypes.Person] = ["ref", "force", "given", "family", "aliases", "dob", "sex", "addresses", "phones", "emails", "handles"],
        [TimelineEventTypes.Incident] =
        [
            "ref", "force", "occurredFrom", "occurredTo", "classification", "recordedAsCrime", "narrative", "behaviours",
            "channels", "location", "parties", "relationship", "impact", "domestic", "team", "officer",
        ],
        [TimelineEventTypes.IncidentUpdate] = ["incident", "classification", "recordedAsCrime", "narrative", "behaviours", "impact"],
        [TimelineEventTypes.Case] = ["ref", "incidents", "officer", "team", "offence", "rationale"],
        [TimelineEventTypes.CaseUpdate] = ["case", "incidents", "officer", "team", "offence", "rationale", "status", "outcome"],
        [TimelineEventTypes.Screening] = ["incident", "case", "fixated", "obsessive", "unwanted", "repeated", "answers", "by"],
        [TimelineEventTypes.RiskAssessment] = ["ref", "victim", "incident", "case", "tool", "answers", "grade", "rationale", "by"],
        [TimelineEventTypes.Order] = ["ref", "force", "orderType", "subject", "protected", "status", "starts", "ends", "conditions", "address"],
        [TimelineEventTypes.OrderUpdate] = ["order", "status", "ends", "conditions", "orderType"],
        [TimelineEventTypes.Breach] =
            ["ref", "order", "occurredAt", "reportedBy", "description", "condition", "location", "action", "rationale"],
        [TimelineEventTypes.Sighting] = ["person", "location", "kind"],
        [TimelineEventTypes.Consideration] = ["incident", "case", "what", "decision", "rationale", "by"],
        [TimelineEventTypes.Referral] = ["person", "to", "consent", "status"],
        [TimelineEventTypes.ContactAgreement] = ["victim", "incident", "case", "frequency", "method", "safeContact"],
        [TimelineEventTypes.VictimContact] = ["victim", "by", "summary", "informs"],
        [TimelineEventTypes.Advice] = ["victim", "by", "text"],
        [TimelineEventTypes.Evidence] = ["incident", "case", "kind", "status", "availableUntil", "expectedBy"],
        [TimelineEventTypes.RecordAccess] = ["user", "person", "purpose"],
        [TimelineEventTypes.Clock] = [],
    };

    private static readonly Dictionary<ConditionType, string[]> ConditionFields = new()
    {
        [ConditionType.NoContact] = ["type", "indirect"],
        [ConditionType.ExclusionZone] = ["type", "lat", "lon", "radiusMetres", "polygon"],
        [ConditionType.NotToAttend] = ["type", "address"],
        [ConditionType.ResideAt] = ["type", "address", "lat", "lon"],
        [ConditionType.Programme] = ["type", "name"],
        [ConditionType.DeviceAccess] = ["type"],
        [ConditionType.Notify] = ["type"],
        [ConditionType.Other] = ["type", "text"],
    };

    private readonly TimelineErrorContext _errors = new();
    private readonly List<TimelineForce> _forces = [];
    private readonly Dictionary<string, int> _forceIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimelineRef> _refs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refsDefinedAnywhere = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _orderConditionCounts = new(StringComparer.Ordinal);
    private readonly List<UndeclaredTeam> _undeclaredTeams = [];
    private readonly HashSet<(string Force, string Team)> _undeclaredTeamKeys = [];
    private (DateTimeOffset At, int Index)? _previous;

    public TimelineDocument Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw _errors.Fail(null, $"expected a JSON object with format, forces and events at the top level, found {JsonValues.Describe(root)}");
        }
        // The format is checked before anything else: a file of another version should say so, not fail on
        // whichever of its fields this version happens not to know.
        if (!root.TryGetProperty("format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            throw _errors.Fail("format", $"required but not given; expected '{TimelineReader.FormatName}'");
        }
        if (format.ValueKind != JsonValueKind.String || format.GetString() != TimelineReader.FormatName)
        {
            throw _errors.Fail("format", $"expected '{TimelineReader.FormatName}', found {JsonValues.Describe(format)}");
        }
        var document = JsonFields.Open(root, "", _errors, RootFields, "the document");
        var title = document.OptionalString("title", TimelineLimits.Text);
        ReadForces(document);
        var elements = document.RequiredArray("events");
        FindRefs(elements);
        var events = new List<TimelineEvent>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            events.Add(ReadEvent(elements[i], i));
        }
        return new TimelineDocument(TimelineReader.FormatName, title, _forces, events, _refs, _undeclaredTeams);
    }

    private void ReadForces(JsonFields document)
    {
        var forces = document.RequiredArray("forces");
        if (forces.Count == 0)
        {
            throw document.Fail("forces", "expected at least one force");
        }
        for (var i = 0; i < forces.Count; i++)
        {
            var force = JsonFields.Open(forces[i], Indexed("forces", i), _errors, ForceFields, "a force");
            var code = force.RequiredString("code", TimelineLimits.Code);
            if (_forceIndexes.TryGetValue(code, out var first))
            {
                throw force.Fail("code", Invariant($"'{code}' is declared twice: first at forces[{first}]"));
            }
            var name = force.RequiredString("name", TimelineLimits.Name);
            var teams = new List<TimelineTeam>();
            var teamIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
            var teamElements = force.OptionalArray("teams") ?? [];
            for (var t = 0; t < teamElements.Count; t++)
            {
                var team = JsonFields.Open(teamElements[t], Indexed(force.FieldPath("teams"), t), _errors, TeamFields, "a team");
                var teamCode = team.RequiredString("code", TimelineLimits.Code);
                if (!teamIndexes.TryAdd(teamCode, t))
                {
                    throw team.Fail("code", Invariant($"'{teamCode}' is declared twice in force {code}: first at forces[{i}].teams[{teamIndexes[teamCode]}]"));
                }
                teams.Add(new TimelineTeam(teamCode, team.RequiredString("name", TimelineLimits.Name), team.OptionalBool("specialist") ?? false));
            }
            _forceIndexes.Add(code, i);
            _forces.Add(new TimelineForce(code, name, teams));
        }
    }

    /// <summary>
    /// Notes where each ref is defined before reading any event, so a reference to a later ref can be told
    /// apart from a reference to no ref at all: the fix for one is to reorder, for the other to correct a typo.
    /// </summary>
    private void FindRefs(IReadOnlyList<JsonElement> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].ValueKind == JsonValueKind.Object
                && events[i].TryGetProperty("ref", out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                _refsDefinedAnywhere.TryAdd(value.GetString()!.Trim(), i);
            }
        }
    }

    private TimelineEvent ReadEvent(JsonElement element, int index)
    {
        _errors.EventIndex = index;
        _errors.EventType = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw _errors.Fail(null, $"expected an object, found {JsonValues.Describe(element)}");
        }
        var typeNames = string.Join(", ", TimelineEventTypes.All);
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind == JsonValueKind.Null)
        {
            throw _errors.Fail("type", $"required but not given; expected one of {typeNames}");
        }
        var type = typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString()!.Trim() : null;
        if (type is null || !EventFields.TryGetValue(type, out var fields))
        {
            throw _errors.Fail("type", $"expected one of {typeNames}, found {JsonValues.Describe(typeElement)}");
        }
        _errors.EventType = type;
        var e = JsonFields.Open(element, "", _errors, ["at", "type", .. fields], Article($"{type} event"));
        var at = ReadAt(e, index);
        return type switch
        {
            TimelineEventTypes.Person => ReadPerson(e, index, at),
            TimelineEventTypes.Incident => ReadIncident(e, index, at),
            TimelineEventTypes.IncidentUpdate => ReadIncidentUpdate(e, index, at),
            TimelineEventTypes.Case => ReadCase(e, index, at),
            TimelineEventTypes.CaseUpdate => ReadCaseUpdate(e, index, at),
            TimelineEventTypes.Screening => ReadScreening(e, index, at),
            TimelineEventTypes.RiskAssessment => ReadRiskAssessment(e, index, at),
            TimelineEventTypes.Order => ReadOrder(e, index, at),
            TimelineEventTypes.OrderUpdate => ReadOrderUpdate(e, index, at),
            TimelineEventTypes.Breach => ReadBreach(e, index, at),
            TimelineEventTypes.Sighting => new SightingEvent(
                index, at, RequiredRef(e, "person", TimelineRefKind.Person), ReadLocation(e.Required("location"), "location"),
                e.RequiredEnum<SightingKind>("kind")),
            TimelineEventTypes.Consideration => ReadConsideration(e, index, at),
            TimelineEventTypes.Referral => new ReferralEvent(
                index, at, RequiredRef(e, "person", TimelineRefKind.Person), e.RequiredEnum<ReferralTarget>("to"),
                e.OptionalBool("consent"), e.RequiredEnum<ReferralStatus>("status")),
            TimelineEventTypes.ContactAgreement => ReadContactAgreement(e, index, at),
            TimelineEventTypes.VictimContact => new VictimContactEvent(
                index, at, RequiredRef(e, "victim", TimelineRefKind.Person), e.OptionalString("by", TimelineLimits.Name),
                e.OptionalString("summary", TimelineLimits.Text), e.OptionalEnumList<VictimInformed>("informs") ?? []),
            TimelineEventTypes.Advice => new AdviceEvent(
                index, at, RequiredRef(e, "victim", TimelineRefKind.Person), e.OptionalString("by", TimelineLimits.Name),
                e.RequiredString("text", TimelineLimits.Text)),
            TimelineEventTypes.Evidence => ReadEvidence(e, index, at),
            TimelineEventTypes.RecordAccess => new RecordAccessEvent(
                index, at, e.RequiredString("user", TimelineLimits.Name), RequiredRef(e, "person", TimelineRefKind.Person),
                e.OptionalString("purpose", TimelineLimits.Text)),
            TimelineEventTypes.Clock => new ClockEvent(index, at),
            _ => throw new UnreachableException($"Event type {type} has fields but no reader."),
        };
    }

    private DateTimeOffset ReadAt(JsonFields e, int index)
    {
        if (!e.TryGet("at", out var element))
        {
            throw e.Fail("at", "required but not given; expected the ISO-8601 instant the event was recorded, such as 2024-02-01T09:30:00Z");
        }
        var at = JsonValues.Instant(element, "at", _errors);
        if (_previous is { } previous && at < previous.At)
        {
            throw e.Fail("at", Invariant(
                $"{JsonValues.FormatInstant(at)} is earlier than {JsonValues.FormatInstant(previous.At)}, the time of event {previous.Index}; events must be in time order"));
        }
        _previous = (at, index);
        return at;
    }

    private PersonEvent ReadPerson(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var force = ReadForce(e);
        var result = new PersonEvent(
            index,
            at,
            @ref,
            force,
            e.OptionalString("given", TimelineLimits.Name),
            e.OptionalString("family", TimelineLimits.Name),
            e.OptionalStringList("aliases", TimelineLimits.Name) ?? [],
            ReadDob(e, at),
            e.OptionalEnum<Sex>("sex"),
            e.OptionalList("addresses", ReadAddress) ?? [],
            e.OptionalStringList("phones", TimelineLimits.Name) ?? [],
            e.OptionalStringList("emails", TimelineLimits.Name) ?? [],
            e.OptionalStringList("handles", TimelineLimits.Name) ?? []);
        Define(@ref, TimelineRefKind.Person, index, force);
        return result;
    }

    private IncidentEvent ReadIncident(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var force = ReadForce(e);
        var from = e.OptionalInstant("occurredFrom");
        var to = e.OptionalInstant("occurredTo");
        if (from is { } start && to is { } end && end < start)
        {
            throw e.Fail("occurredTo", $"{JsonValues.FormatInstant(end)} is before occurredFrom {JsonValues.FormatInstant(start)}");
        }
        var result = new IncidentEvent(
            index,
            at,
            @ref,
            force,
            from,
            to,
            e.RequiredEnum<Classification>("classification"),
            e.OptionalBool("recordedAsCrime"),
            e.OptionalString("narrative", TimelineLimits.Text),
            e.OptionalEnumList<Behaviour>("behaviours") ?? [],
            e.OptionalEnumList<Channel>("channels") ?? [],
            e.TryGet("location", out var location) ? ReadLocation(location, "location") : null,
            ReadParties(e),
            e.OptionalEnum<Relationship>("relationship"),
            ReadImpact(e),
            e.OptionalBool("domestic"),
            ReadTeam(e, force, index),
            e.OptionalString("officer", TimelineLimits.Name));
        Define(@ref, TimelineRefKind.Incident, index, force);
        return result;
    }

    private IncidentUpdateEvent ReadIncidentUpdate(JsonFields e, int index, DateTimeOffset at)
    {
        var incident = RequiredRef(e, "incident", TimelineRefKind.Incident);
        RequireAnyOf(e, "classification", "recordedAsCrime", "narrative", "behaviours", "impact");
        return new IncidentUpdateEvent(
            index,
            at,
            incident,
            e.OptionalEnum<Classification>("classification"),
            e.OptionalBool("recordedAsCrime"),
            e.OptionalString("narrative", TimelineLimits.Text),
            e.OptionalEnumList<Behaviour>("behaviours"),
            ReadImpact(e));
    }

    private CaseEvent ReadCase(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var incidents = RefList(e, "incidents", TimelineRefKind.Incident) ?? throw e.Missing("incidents");
        // A case has no force field of its own; it is opened over its incidents, so its first incident's
        // force is the one whose teams it can be given to.
        var force = _refs[incidents[0]].Force!;
        var (offence, rationale) = ReadOffenceDecision(e);
        var result = new CaseEvent(
            index, at, @ref, incidents, e.OptionalString("officer", TimelineLimits.Name), ReadTeam(e, force, index), offence, rationale);
        Define(@ref, TimelineRefKind.Case, index, force);
        return result;
    }

    private CaseUpdateEvent ReadCaseUpdate(JsonFields e, int index, DateTimeOffset at)
    {
        var @case = RequiredRef(e, "case", TimelineRefKind.Case);
        RequireAnyOf(e, "incidents", "officer", "team", "offence", "status", "outcome");
        var incidents = RefList(e, "incidents", TimelineRefKind.Incident);
        var officer = e.OptionalString("officer", TimelineLimits.Name);
        var team = ReadTeam(e, _refs[@case].Force!, index);
        var (offence, rationale) = ReadOffenceDecision(e);
        var status = e.OptionalEnum<CaseStatus>("status");
        var outcome = e.OptionalInt("outcome");
        if (outcome is int o && !HomeOfficeOutcomes.IsValid(o))
        {
            throw e.Fail("outcome", Invariant(
                $"expected a Home Office outcome type from {HomeOfficeOutcomes.Min} to {HomeOfficeOutcomes.Max}, found {o}"));
        }
        return new CaseUpdateEvent(index, at, @case, incidents, officer, team, offence, rationale, status, outcome);
    }

    /// <summary>An offence decision is recorded with its reasons, as when made on the case page.</summary>
    private static (Classification? Offence, string? Rationale) ReadOffenceDecision(JsonFields e)
    {
        var offence = e.OptionalEnum<Classification>("offence");
        var rationale = e.OptionalString("rationale", TimelineLimits.Text);
        if (offence is not null && rationale is null)
        {
            throw e.Fail("rationale", "required with offence: an offence decision must give its rationale");
        }
        if (offence is null && rationale is not null)
        {
            throw e.Fail("rationale", "given without offence: the rationale is the reason for an offence decision");
        }
        return (offence, rationale);
    }

    private ScreeningEvent ReadScreening(JsonFields e, int index, DateTimeOffset at)
    {
        var (incident, @case) = IncidentOrCase(e);
        return new ScreeningEvent(
            index,
            at,
            incident,
            @case,
            e.OptionalBool("fixated"),
            e.OptionalBool("obsessive"),
            e.OptionalBool("unwanted"),
            e.OptionalBool("repeated"),
            ReadAnswers(e, tool: null),
            e.OptionalString("by", TimelineLimits.Name));
    }

    private RiskAssessmentEvent ReadRiskAssessment(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var victim = RequiredRef(e, "victim", TimelineRefKind.Person);
        var (incident, @case) = IncidentOrCase(e);
        var tool = e.RequiredEnum<RiskTool>("tool");
        var result = new RiskAssessmentEvent(
            index,
            at,
            @ref,
            victim,
            incident,
            @case,
            tool,
            ReadAnswers(e, tool),
            e.OptionalEnum<RiskGrade>("grade"),
            e.OptionalString("rationale", TimelineLimits.Text),
            e.OptionalString("by", TimelineLimits.Name));
        Define(@ref, TimelineRefKind.RiskAssessment, index, _refs[incident ?? @case!].Force);
        return result;
    }

    private OrderEvent ReadOrder(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var force = ReadForce(e);
        var orderType = e.RequiredEnum<OrderType>("orderType");
        var subject = RequiredRef(e, "subject", TimelineRefKind.Person);
        var protectedPeople = RefList(e, "protected", TimelineRefKind.Person) ?? [];
        var subjectAt = protectedPeople.ToList().IndexOf(subject);
        if (subjectAt >= 0)
        {
            throw e.Fail(Indexed("protected", subjectAt), $"'{subject}' is the order's subject and cannot also be protected by it");
        }
        var status = e.RequiredEnum<OrderStatus>("status");
        var starts = e.OptionalInstant("starts");
        var ends = e.OptionalInstant("ends");
        if (starts is { } start && ends is { } end && end < start)
        {
            throw e.Fail("ends", $"{JsonValues.FormatInstant(end)} is before starts {JsonValues.FormatInstant(start)}");
        }
        var conditions = e.OptionalList("conditions", ReadCondition) ?? [];
        var result = new OrderEvent(
            index, at, @ref, force, orderType, subject, protectedPeople, status, starts, ends, conditions,
            e.OptionalString("address", TimelineLimits.Text));
        Define(@ref, TimelineRefKind.Order, index, force);
        _orderConditionCounts[@ref] = conditions.Count;
        return result;
    }

    private OrderUpdateEvent ReadOrderUpdate(JsonFields e, int index, DateTimeOffset at)
    {
        var order = RequiredRef(e, "order", TimelineRefKind.Order);
        RequireAnyOf(e, "status", "ends", "conditions", "orderType");
        var result = new OrderUpdateEvent(
            index,
            at,
            order,
            e.OptionalEnum<OrderStatus>("status"),
            e.OptionalInstant("ends"),
            e.OptionalList("conditions", ReadCondition),
            e.OptionalEnum<OrderType>("orderType"));
        if (result.Conditions is { } replaced)
        {
            _orderConditionCounts[order] = replaced.Count;
        }
        return result;
    }

    private BreachEvent ReadBreach(JsonFields e, int index, DateTimeOffset at)
    {
        var @ref = NewRef(e);
        var order = RequiredRef(e, "order", TimelineRefKind.Order);
        var occurredAt = e.OptionalInstant("occurredAt");
        var reportedBy = OptionalRef(e, "reportedBy", TimelineRefKind.Person);
        var description = e.OptionalString("description", TimelineLimits.Text);
        var condition = e.OptionalInt("condition");
        if (condition is int c)
        {
            var count = _orderConditionCounts[order];
            if (count == 0)
            {
                throw e.Fail("condition", Invariant($"order '{order}' has no conditions at this point, so there is no condition {c}"));
            }
            if (c < 0 || c >= count)
            {
                throw e.Fail("condition", Invariant(
                    $"expected an index into the conditions of order '{order}', from 0 to {count - 1} at this point, found {c}"));
            }
        }
        var result = new BreachEvent(
            index,
            at,
            @ref,
            order,
            occurredAt,
            reportedBy,
            description,
            condition,
            e.TryGet("location", out var location) ? ReadLocation(location, "location") : null,
            e.OptionalEnum<BreachAction>("action"),
            e.OptionalString("rationale", TimelineLimits.Text));
        Define(@ref, TimelineRefKind.Breach, index, _refs[order].Force);
        return result;
    }

    private ConsiderationEvent ReadConsideration(JsonFields e, int index, DateTimeOffset at)
    {
        var (incident, @case) = IncidentOrCase(e);
        return new ConsiderationEvent(
            index,
            at,
            incident,
            @case,
            e.RequiredEnum<ConsiderationKind>("what"),
            e.RequiredEnum<ConsiderationDecision>("decision"),
            e.OptionalString("rationale", TimelineLimits.Text),
            e.OptionalString("by", TimelineLimits.Name));
    }

    private ContactAgreementEvent ReadContactAgreement(JsonFields e, int index, DateTimeOffset at)
    {
        var victim = RequiredRef(e, "victim", TimelineRefKind.Person);
        var (incident, @case) = IncidentOrCase(e);
        return new ContactAgreementEvent(
            index,
            at,
            victim,
            incident,
            @case,
            e.RequiredEnum<ContactFrequency>("frequency"),
            e.OptionalEnum<ContactMethod>("method"),
            e.OptionalString("safeContact", TimelineLimits.Text));
    }

    private EvidenceEvent ReadEvidence(JsonFields e, int index, DateTimeOffset at)
    {
        var (incident, @case) = IncidentOrCase(e);
        return new EvidenceEvent(
            index,
            at,
            incident,
            @case,
            e.RequiredEnum<EvidenceKind>("kind"),
            e.RequiredEnum<EvidenceStatus>("status"),
            e.OptionalInstant("availableUntil"),
            e.OptionalInstant("expectedBy"));
    }

    private static PartialDate? ReadDob(JsonFields e, DateTimeOffset at)
    {
        var text = e.OptionalString("dob", TimelineLimits.Name);
        if (text is null)
        {
            return null;
        }
        if (!DobPattern().IsMatch(text))
        {
            throw e.Fail("dob", $"expected a date of birth as yyyy-MM-dd, yyyy-MM or yyyy, found {JsonValues.Quote(text)}");
        }
        var parts = text.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (!PartialDate.TryCreate(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null, out var dob))
        {
            throw e.Fail("dob", $"'{text}' is not a real date from 1850 on");
        }
        if (dob.EarliestPossible > DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw e.Fail("dob", $"'{text}' is after the event's time {JsonValues.FormatInstant(at)}");
        }
        return dob;
    }

    private TimelineAddress ReadAddress(JsonElement element, string path)
    {
        var address = JsonFields.Open(element, path, _errors, AddressFields, "an address");
        var text = address.RequiredString("text", TimelineLimits.Text);
        var postcode = address.OptionalString("postcode", TimelineLimits.Name);
        var point = ReadPoint(address);
        return new TimelineAddress(text, postcode, point?.Lat, point?.Lon, address.OptionalEnum<AddressKind>("kind"));
    }

    private TimelineLocation ReadLocation(JsonElement element, string path)
    {
        var location = JsonFields.Open(element, path, _errors, LocationFields, "a location");
        var text = location.OptionalString("text", TimelineLimits.Text);
        var point = ReadPoint(location);
        if (text is null && point is null)
        {
            throw _errors.Fail(path, "expected text, or lat and lon, or both");
        }
        return new TimelineLocation(text, point?.Lat, point?.Lon);
    }

    /// <summary>Reads lat and lon, which come as a pair: half a position is a mistake, not a vaguer position.</summary>
    private static GeoPoint? ReadPoint(JsonFields fields)
    {
        var lat = fields.OptionalLatitude("lat");
        var lon = fields.OptionalLongitude("lon");
        return (lat, lon) switch
        {
            (double la, double lo) => new GeoPoint(la, lo),
            (null, null) => null,
            (null, _) => throw fields.Fail("lat", "required when lon is given"),
            (_, null) => throw fields.Fail("lon", "required when lat is given"),
        };
    }

    private IReadOnlyList<TimelineParty> ReadParties(JsonFields e)
    {
        var parties = e.OptionalList("parties", (element, path) =>
        {
            var party = JsonFields.Open(element, path, _errors, PartyFields, "a party");
            return new TimelineParty(RequiredRef(party, "person", TimelineRefKind.Person), party.RequiredEnum<PartyRole>("role"));
        }) ?? [];
        for (var i = 0; i < parties.Count; i++)
        {
            var first = parties.Take(i).ToList().IndexOf(parties[i]);
            if (first >= 0)
            {
                throw e.Fail(Indexed("parties", i), Invariant($"'{parties[i].Person}' is already a {parties[i].Role} at parties[{first}]"));
            }
        }
        return parties;
    }

    private TimelineImpact? ReadImpact(JsonFields e)
    {
        if (!e.TryGet("impact", out var element))
        {
            return null;
        }
        var impact = JsonFields.Open(element, "impact", _errors, ImpactFields, "an impact");
        return new TimelineImpact(
            impact.OptionalBool("fearOfViolence"), impact.OptionalBool("seriousAlarmOrDistress"), impact.OptionalBool("changedRoutine"));
    }

    private IReadOnlyDictionary<string, bool> ReadAnswers(JsonFields e, RiskTool? tool)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!e.TryGet("answers", out var element))
        {
            return answers;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw e.Fail("answers", $"expected an object of question ids and true or false, found {JsonValues.Describe(element)}");
        }
        foreach (var answer in element.EnumerateObject())
        {
            var path = JsonFields.Join("answers", answer.Name);
            var family = RiskQuestions.ToolOf(answer.Name);
            if (family is null)
            {
                throw _errors.Fail(path, $"'{answer.Name}' is not a question id; expected dash01 to dash27, st01 to st11 or ht1 to ht8");
            }
            if (tool is { } t && family != t)
            {
                throw _errors.Fail(path, $"'{answer.Name}' is not a {t} question; expected {RiskQuestions.Range(t)}");
            }
            if (!answers.TryAdd(answer.Name, JsonValues.Bool(answer.Value, path, _errors)))
            {
                throw _errors.Fail(path, "given twice");
            }
        }
        return answers;
    }

    private TimelineCondition ReadCondition(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw _errors.Fail(path, $"expected an object, found {JsonValues.Describe(element)}");
        }
        var typePath = JsonFields.Join(path, "type");
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind == JsonValueKind.Null)
        {
            throw _errors.Fail(typePath, $"required but not given; expected one of {string.Join(", ", Enum.GetNames<ConditionType>())}");
        }
        // The type decides which other fields a condition may have, so it is read before the fields are checked.
        var type = JsonValues.Enum<ConditionType>(typeElement, typePath, _errors);
        var condition = JsonFields.Open(element, path, _errors, ConditionFields[type], Article($"{type} condition"));
        return type switch
        {
            ConditionType.NoContact => new NoContactCondition(condition.OptionalBool("indirect")),
            ConditionType.ExclusionZone => new ExclusionZoneCondition(ReadExclusionZone(condition)),
            ConditionType.NotToAttend => new NotToAttendCondition(condition.RequiredString("address", TimelineLimits.Text)),
            ConditionType.ResideAt => new ResideAtCondition(condition.RequiredString("address", TimelineLimits.Text), ReadPoint(condition)),
            ConditionType.Programme => new ProgrammeCondition(condition.OptionalString("name", TimelineLimits.Name)),
            ConditionType.DeviceAccess => new DeviceAccessCondition(),
            ConditionType.Notify => new NotifyCondition(),
            ConditionType.Other => new OtherCondition(condition.RequiredString("text", TimelineLimits.Text)),
            _ => throw new UnreachableException($"Condition type {type} has fields but no reader."),
        };
    }

    private ExclusionZoneArea ReadExclusionZone(JsonFields zone)
    {
        var circle = zone.Has("lat") || zone.Has("lon") || zone.Has("radiusMetres");
        if (!zone.TryGet("polygon", out var polygon))
        {
            if (!circle)
            {
                throw _errors.Fail(zone.Path, "expected a circle (lat, lon and radiusMetres) or a polygon");
            }
            var centre = ReadPoint(zone) ?? throw zone.Missing("lat");
            var radius = JsonValues.Number(zone.Required("radiusMetres"), zone.FieldPath("radiusMetres"), _errors);
            if (radius <= 0)
            {
                throw zone.Fail("radiusMetres", $"expected a radius in metres greater than 0, found {JsonValues.Describe(zone.Required("radiusMetres"))}");
            }
            return new ExclusionZoneCircle(centre, radius);
        }
        if (circle)
        {
            throw zone.Fail("polygon", "expected either a circle (lat, lon and radiusMetres) or a polygon, not both");
        }
        var points = JsonValues.Array(polygon, zone.FieldPath("polygon"), _errors);
        if (points.Count < 3)
        {
            throw zone.Fail("polygon", Invariant($"expected at least 3 points, found {points.Count}"));
        }
        var result = new List<GeoPoint>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var path = Indexed(zone.FieldPath("polygon"), i);
            if (points[i].ValueKind != JsonValueKind.Array || points[i].GetArrayLength() != 2)
            {
                throw _errors.Fail(path, $"expected a point as [lat, lon], found {JsonValues.Describe(points[i])}");
            }
            result.Add(new GeoPoint(
                JsonValues.Coordinate(points[i][0], path + "[0]", "latitude", 90, _errors),
                JsonValues.Coordinate(points[i][1], path + "[1]", "longitude", 180, _errors)));
        }
        return new ExclusionZonePolygon(result);
    }

    private string ReadForce(JsonFields e)
    {
        var code = e.OptionalString("force", TimelineLimits.Code);
        if (code is null)
        {
            return _forces[0].Code;
        }
        if (!_forceIndexes.ContainsKey(code))
        {
            throw e.Fail("force", $"'{code}' is not a declared force; expected one of {string.Join(", ", _forces.Select(f => f.Code))}");
        }
        return code;
    }

    private string? ReadTeam(JsonFields e, string force, int index)
    {
        var code = e.OptionalString("team", TimelineLimits.Code);
        if (code is not null
            && !_forces[_forceIndexes[force]].Teams.Any(t => t.Code == code)
            && _undeclaredTeamKeys.Add((force, code)))
        {
            _undeclaredTeams.Add(new UndeclaredTeam(force, code, index));
        }
        return code;
    }

    private string NewRef(JsonFields e)
    {
        var @ref = e.RequiredString("ref", TimelineLimits.Code);
        if (_refs.TryGetValue(@ref, out var first))
        {
            throw e.Fail("ref", Invariant($"'{@ref}' is defined twice: first at event {first.EventIndex}"));
        }
        return @ref;
    }

    /// <summary>Called once the whole event has been read, so an event cannot refer to its own ref.</summary>
    private void Define(string @ref, TimelineRefKind kind, int index, string? force) =>
        _refs.Add(@ref, new TimelineRef(@ref, kind, index, force));

    private string RequiredRef(JsonFields e, string name, TimelineRefKind kind) => Resolve(e.Required(name), e.FieldPath(name), kind);

    private string? OptionalRef(JsonFields e, string name, TimelineRefKind kind) =>
        e.TryGet(name, out var element) ? Resolve(element, e.FieldPath(name), kind) : null;

    /// <summary>A list of refs; null when absent, never empty, and without repeats.</summary>
    private IReadOnlyList<string>? RefList(JsonFields e, string name, TimelineRefKind kind)
    {
        var refs = e.OptionalList(name, (element, path) => Resolve(element, path, kind));
        if (refs is null)
        {
            return null;
        }
        if (refs.Count == 0)
        {
            throw e.Fail(name, $"expected at least one {KindName(kind)} ref");
        }
        for (var i = 0; i < refs.Count; i++)
        {
            var first = refs.Take(i).ToList().IndexOf(refs[i]);
            if (first >= 0)
            {
                throw e.Fail(Indexed(name, i), Invariant($"'{refs[i]}' is listed twice: first at {name}[{first}]"));
            }
        }
        return refs;
    }

    private string Resolve(JsonElement element, string path, TimelineRefKind expected)
    {
        var @ref = JsonValues.String(element, path, TimelineLimits.Code, _errors, required: true)!;
        if (_refs.TryGetValue(@ref, out var defined))
        {
            return defined.Kind == expected
                ? @ref
                : throw _errors.Fail(path, Invariant(
                    $"'{@ref}' is {WithArticle(defined.Kind)} (event {defined.EventIndex}), expected {WithArticle(expected)}"));
        }
        if (_refsDefinedAnywhere.TryGetValue(@ref, out var later))
        {
            throw _errors.Fail(path, Invariant($"'{@ref}' is used before it is defined (at event {later})"));
        }
        throw _errors.Fail(path, $"'{@ref}' is not defined by any event; expected {WithArticle(expected)} ref");
    }

    private (string? Incident, string? Case) IncidentOrCase(JsonFields e)
    {
        var incident = e.Has("incident");
        var @case = e.Has("case");
        if (incident && @case)
        {
            throw e.Fail("case", "expected either incident or case, not both");
        }
        if (!incident && !@case)
        {
            throw e.Fail("incident", "required but not given; expected either incident or case");
        }
        return incident
            ? (RequiredRef(e, "incident", TimelineRefKind.Incident), null)
            : (null, RequiredRef(e, "case", TimelineRefKind.Case));
    }

    private static void RequireAnyOf(JsonFields e, params string[] names)
    {
        if (!names.Any(e.Has))
        {
            throw e.Errors.Fail(null, $"expected at least one change: {string.Join(", ", names)}");
        }
    }

    private static string KindName(TimelineRefKind kind) => kind switch
    {
        TimelineRefKind.Person => "person",
        TimelineRefKind.Incident => "incident",
        TimelineRefKind.Case => "case",
        TimelineRefKind.RiskAssessment => "risk assessment",
        TimelineRefKind.Order => "order",
        TimelineRefKind.Breach => "breach",
        _ => throw new UnreachableException($"Ref kind {kind} has no name."),
    };

    private static string WithArticle(TimelineRefKind kind) => Article(KindName(kind));

    private static string Article(string noun) => "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";

    private static string Indexed(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DobPattern();

}
