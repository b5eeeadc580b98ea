using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Features.Orders;
using Vigil.Features.People;

namespace Vigil.UnitTests.Features.Orders;

/// <summary>The victim's copy of an order and the conditions in plain words, from the real English and Welsh resources.</summary>
public sealed class OrderWordingTests
{
    private const double Lat = 51.8563;
    private const double Lon = -4.3099;

    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static readonly ProtectedPlace Home = new(7, "Ffion Rhys", AddressKind.Home, "4 Heol y Dŵr, Caerfyrddin", Lat + 0.0005, Lon);

    private static ProtectiveOrder Spo() => new()
    {
        Id = 42,
        OrderType = OrderType.SPO,
        Status = OrderStatus.Served,
        Starts = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
        Ends = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.Zero),
        Conditions =
        [
            new OrderCondition { Position = 0, Type = ConditionType.NoContact, Indirect = true },
            new OrderCondition { Position = 1, Type = ConditionType.ExclusionZone, Latitude = Lat, Longitude = Lon, RadiusMetres = 500 },
            new OrderCondition { Position = 2, Type = ConditionType.NotToAttend, Address = "Ysgol Bro Myrddin" },
            new OrderCondition { Position = 3, Type = ConditionType.Programme, Name = "a stalking perpetrator programme" },
            new OrderCondition { Position = 4, Type = ConditionType.Notify },
            new OrderCondition { Position = 5, Type = ConditionType.NoContact, RemovedAt = DateTimeOffset.UnixEpoch },
        ],
    };

    [Fact]
    public void ForVictim_English_NamesSubjectDatesZonePlaceAndBreach()
    {
        var info = OrderWording.InLanguage("en", () => new OrderWording(Localizer).ForVictim(Spo(), "Gareth Price", [Home]));

        Assert.Equal("en", info.Language);
        Assert.Equal("What order ORD000042 means for you", info.Heading);
        Assert.Equal("Order ORD000042 (Stalking protection order) has been made against Gareth Price to protect you. It applies from 2 Mar 2026 to 1 Mar 2028.", info.Introduction);
        Assert.Equal(
        [
            "Gareth Price must not contact you in any way: not directly, not through other people, not online and not by post.",
            "Gareth Price must not go within 500 metres of the home address 4 Heol y Dŵr, Caerfyrddin.",
            "Gareth Price must not go to Ysgol Bro Myrddin.",
            "Gareth Price must attend a stalking perpetrator programme.",
            "Gareth Price must tell the police their name and where they live, so the police always know.",
        ], info.Conditions);
        Assert.StartsWith("If Gareth Price does any of these things, it is a criminal offence.", info.Breach, StringComparison.Ordinal);
        Assert.Contains("ORD000042", info.Contact, StringComparison.Ordinal);
    }

    [Fact]
    public void ForVictim_Welsh_SameFactsInWelsh()
    {
        var info = OrderWording.InLanguage("cy", () => new OrderWording(Localizer).ForVictim(Spo(), "Gareth Price", [Home]));

        Assert.Equal("cy", info.Language);
        Assert.Equal("Beth mae gorchymyn ORD000042 yn ei olygu i chi", info.Heading);
        Assert.Contains("Gareth Price", info.Introduction, StringComparison.Ordinal);
        Assert.Equal("Rhaid i Gareth Price beidio â mynd o fewn 500 metr i’r lle hwn: 4 Heol y Dŵr, Caerfyrddin (cyfeiriad cartref).", info.Conditions[1]);
        Assert.Equal(5, info.Conditions.Count);
    }

    [Fact]
    public void ForVictim_Bail_BreachMeansArrestNotOffence()
    {
        var bail = new ProtectiveOrder { Id = 5, OrderType = OrderType.PreChargeBail, Status = OrderStatus.Granted };

        var info = OrderWording.InLanguage("en", () => new OrderWording(Localizer).ForVictim(bail, "Gareth Price", []));

        Assert.StartsWith("If Gareth Price does any of these things, the police can arrest them.", info.Breach, StringComparison.Ordinal);
        Assert.Equal("Order ORD000005 (Pre-charge bail) has been made against Gareth Price to protect you.", info.Introduction);
    }

    [Fact]
    public void Condition_ZoneWithNoProtectedPlaceInside_GivesCoordinates()
    {
        var zone = new OrderCondition { Type = ConditionType.ExclusionZone, Latitude = Lat, Longitude = Lon, RadiusMetres = 250 };

        var text = OrderWording.InLanguage("en", () => new OrderWording(Localizer).Condition(zone, OrderType.SPO, "Ffion Rhys", []));

        Assert.Equal("Must not enter the area within 250 metres of the point at latitude 51.85630, longitude -4.30990.", text);
    }

    [Fact]
    public void Condition_PolygonTakingInTheHome_NamesIt()
    {
        var zone = new OrderCondition
        {
            Type = ConditionType.ExclusionZone,
            Polygon = [Lat + 0.002, Lon - 0.003, Lat + 0.002, Lon + 0.003, Lat - 0.002, Lon + 0.003, Lat - 0.002, Lon - 0.003],
        };

        var text = OrderWording.InLanguage("en", () => new OrderWording(Localizer).Condition(zone, OrderType.SPO, "Ffion Rhys", [Home]));

        Assert.Equal("Must not enter the exclusion zone drawn on the order, which takes in the home address 4 Heol y Dŵr, Caerfyrddin.", text);
    }

    [Fact]
    public void Condition_NoContactAndNotifyOnAnSpo()
    {
        var wording = new OrderWording(Localizer);

        var (noContact, notify) = OrderWording.InLanguage("en", () => (
            wording.Condition(new OrderCondition { Type = ConditionType.NoContact }, OrderType.SPO, "Ffion Rhys", []),
            wording.Condition(new OrderCondition { Type = ConditionType.Notify }, OrderType.SPO, "Ffion Rhys", [])));

        Assert.Equal("No direct contact with Ffion Rhys.", noContact);
        Assert.StartsWith("Must tell the police, in person, their names and home address within 3 days", notify, StringComparison.Ordinal);
    }
}
