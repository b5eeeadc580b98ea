using Microsoft.Extensions.Localization;
using Vigil.Features.Alerts;
using Vigil.Features.Incidents;

namespace Vigil.UnitTests.Features.Alerts;

/// <summary>Alert explanations name classifications and behaviours in the reader's language, not as codes.</summary>
public sealed class AlertTextTests
{
    private sealed class Welsh : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
        {
            ["Alert.Test"] = "Cofnodwyd fel {0}; ymddygiad: {1}; {2}",
            ["Classification.Harassment"] = "Aflonyddu",
            ["Classification.MaliciousCommunications"] = "Cyfathrebu maleisus",
            ["Behaviour.Following"] = "Dilyn",
        };

        public LocalizedString this[string name] => new(name, Values.GetValueOrDefault(name, name), !Values.ContainsKey(name));

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void Codes_AreNamedInTheReadersLanguage_OtherArgumentsUntouched()
    {
        string[] arguments =
        [
            AlertText.Codes(new[] { Classification.Harassment, Classification.MaliciousCommunications }),
            AlertText.Codes(new[] { Behaviour.Following }),
            "INC000012",
        ];

        var text = AlertText.Format(new Welsh(), "Alert.Test", arguments);

        Assert.Equal("Cofnodwyd fel Aflonyddu, Cyfathrebu maleisus; ymddygiad: Dilyn; INC000012", text);
    }

    [Fact]
    public void CodesOf_GivesTheCodes_AndAnEmptyListForNone()
    {
        Assert.Equal(["Harassment", "MaliciousCommunications"], AlertText.CodesOf(AlertText.Codes(new[] { Classification.Harassment, Classification.MaliciousCommunications })));
        Assert.Empty(AlertText.CodesOf(AlertText.Codes(Array.Empty<Behaviour>())));
        Assert.Equal(["PN000001"], AlertText.CodesOf("PN000001"));
    }
}
