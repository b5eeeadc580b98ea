using System.Globalization;
using Microsoft.Extensions.Localization;
using Vigil.Features.People;
using Vigil.Infrastructure.Localisation;
using Vigil.Infrastructure.Web;

namespace Vigil.Features.Orders;

/// <summary>A protected person's address that has coordinates: what zones are described by and drawn around.</summary>
public sealed record ProtectedPlace(long PersonRecordId, string PersonName, AddressKind Kind, string Text, double Latitude, double Longitude);

/// <summary>
/// What an order means for the people it protects, in words they can be read or sent: the reviews found victims
/// never told what conditions protected them, or told only once the conditions had lapsed.
/// </summary>
public sealed record VictimInformation(string Language, string Heading, string Introduction, IReadOnlyList<string> Conditions, string Breach, string Contact);

/// <summary>
/// Orders and their conditions in plain words: for officers (third person) and for the victim (second person).
/// Wording comes from the shared resources, so it reads the same on the page, in the API and in either language.
/// </summary>
public sealed class OrderWording(IStringLocalizer localizer)
{
    /// <summary>Types whose breach is itself a criminal offence; bail, notices and DVPOs are enforced by arrest instead.</summary>
    private static readonly OrderType[] BreachIsOffence = [OrderType.SPO, OrderType.InterimSPO, OrderType.DAPO, OrderType.NonMolestation, OrderType.RestrainingOrder];

    /// <summary>One condition as an officer reads it, naming the people it protects.</summary>
    public string Condition(OrderCondition condition, OrderType type, string protectedNames, IReadOnlyList<ProtectedPlace> places)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Type switch
        {
            ConditionType.NoContact => L(condition.Indirect == true ? "Condition.NoContact.Indirect" : "Condition.NoContact.Direct", protectedNames),
            ConditionType.ExclusionZone => Zone(condition, places, "Condition.Zone"),
            ConditionType.NotToAttend => L("Condition.NotToAttend", condition.Address ?? ""),
            ConditionType.ResideAt => L("Condition.ResideAt", condition.Address ?? ""),
            ConditionType.Programme => condition.Name is { } name ? L("Condition.Programme", name) : L("Condition.Programme.Unnamed"),
            ConditionType.DeviceAccess => L("Condition.DeviceAccess"),
            ConditionType.Notify => L(IsSpo(type) ? "Condition.Notify.Spo" : "Condition.Notify"),
            _ => condition.Text ?? L("Condition.Other"),
        };
    }

    /// <summary>The information for the victim, in the current UI language (see <see cref="InLanguage{T}"/>).</summary>
    public VictimInformation ForVictim(ProtectiveOrder order, string subjectName, IReadOnlyList<ProtectedPlace> places)
    {
        ArgumentNullException.ThrowIfNull(order);
        var reference = ProtectiveOrder.Reference(order.Id);
        var type = localizer[$"OrderType.{order.OrderType}"].Value;
        var introduction = (order.Starts, order.Ends) switch
        {
            ({ } s, { } e) => L("VictimInfo.Intro.Period", type, reference, subjectName, UkTime.FormatDate(s), UkTime.FormatDate(e)),
            (null, { } e) => L("VictimInfo.Intro.Until", type, reference, subjectName, UkTime.FormatDate(e)),
            ({ } s, null) => L("VictimInfo.Intro.From", type, reference, subjectName, UkTime.FormatDate(s)),
            _ => L("VictimInfo.Intro", type, reference, subjectName),
        };
        var conditions = order.CurrentConditions.Select(c => c.Type switch
        {
            ConditionType.NoContact => L(c.Indirect == true ? "VictimInfo.NoContact.Indirect" : "VictimInfo.NoContact.Direct", subjectName),
            ConditionType.ExclusionZone => Zone(c, places, "VictimInfo.Zone", subjectName),
            ConditionType.NotToAttend => L("VictimInfo.NotToAttend", subjectName, c.Address ?? ""),
            ConditionType.ResideAt => L("VictimInfo.ResideAt", subjectName, c.Address ?? ""),
            ConditionType.Programme => L("VictimInfo.Programme", subjectName, c.Name ?? L("VictimInfo.Programme.Unnamed")),
            ConditionType.DeviceAccess => L("VictimInfo.DeviceAccess", subjectName),
            ConditionType.Notify => L("VictimInfo.Notify", subjectName),
            _ => c.Text ?? L("Condition.Other"),
        }).ToList();
        var breach = L(BreachIsOffence.Contains(order.OrderType) ? "VictimInfo.Breach.Offence" : "VictimInfo.Breach.Arrest", subjectName);
        return new VictimInformation(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, L("VictimInfo.Heading", reference), introduction, conditions, breach,
            L("VictimInfo.Contact", reference));
    }

    /// <summary>
    /// Runs <paramref name="make"/> with the UI culture and the formatting culture set to English or Welsh, so the
    /// victim's copy can be made in the language they asked for whatever language the officer reads. Cultures
    /// flow with the async context, so this touches nothing outside the call.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var culture = string.Equals(language, "cy", StringComparison.OrdinalIgnoreCase) ? LocalisationExtensions.Welsh : LocalisationExtensions.English;
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return make();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formatting;
        }
    }

    /// <summary>
    /// A zone in words. Zones are stored as geometry only, so the words name the protected address the zone is
    /// drawn around (the address inside it nearest its centre) or, failing that, its centre's coordinates.
    /// </summary>
    private string Zone(OrderCondition zone, IReadOnlyList<ProtectedPlace> places, string keyPrefix, params string[] leading)
    {
        var inside = places.Where(p => ZoneGeometry.DistanceOutsideMetres(zone, p.Latitude, p.Longitude) is <= 0).ToList();
        if (zone.Polygon.Count >= 6)
        {
            var vertices = ZoneGeometry.Pairs(zone.Polygon);
            var (lat, lon) = (vertices.Average(v => v.Latitude), vertices.Average(v => v.Longitude));
            var included = inside.OrderBy(p => Distance(lat, lon, p)).FirstOrDefault();
            return included is null ? L(keyPrefix + ".Polygon", [.. leading]) : L(keyPrefix + ".PolygonIncluding", [.. leading, Place(included)]);
        }
        var radius = (zone.RadiusMetres ?? 0).ToString("N0", CultureInfo.CurrentCulture);
        var centre = inside.OrderBy(p => Distance(zone.Latitude ?? 0, zone.Longitude ?? 0, p)).FirstOrDefault();
        var where = zone.Name ?? zone.Address ?? (centre is null
            ? L("Condition.Zone.Coordinates", Coordinate(zone.Latitude), Coordinate(zone.Longitude))
            : Place(centre));
        return L(keyPrefix + ".Circle", [.. leading, radius, where]);
    }

    private string Place(ProtectedPlace place) => L($"Condition.Place.{place.Kind}", place.Text);

    private static double Distance(double lat, double lon, ProtectedPlace p)
    {
        var point = ZoneGeometry.Project(lat, lon, p.Latitude, p.Longitude);
        return Math.Sqrt((point.East * point.East) + (point.North * point.North));
    }

    private static string Coordinate(double? value) => (value ?? 0).ToString("F5", CultureInfo.InvariantCulture);

    private static bool IsSpo(OrderType type) => type is OrderType.SPO or OrderType.InterimSPO;

    private string L(string key, params object[] arguments) => localizer[key, arguments].Value.Trim();
}
