using Vigil.Features.Referrals;
using Vigil.Features.Users;
using Vigil.Infrastructure.Http;

namespace Vigil.UnitTests.Features;

/// <summary>Consent is needed to share; only MARAC-type processes may go without, on an override role's recorded reason.</summary>
public sealed class ReferralConsentTests
{
    private static Func<IEnumerable<string>, bool> As(params string[] roles) => wanted => wanted.Any(roles.Contains);

    [Theory]
    [InlineData(ReferralStatus.Offered)]
    [InlineData(ReferralStatus.Declined)]
    public void OfferedOrDeclined_WithoutConsent_Allowed(ReferralStatus status)
    {
        var errors = new ValidationErrors();

        var (overridden, refused) = ReferralConsent.Check(ReferralTarget.ISAC, status, false, null, As(Roles.Investigator), errors);

        Assert.False(overridden);
        Assert.Null(refused);
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(ReferralStatus.Made, null)]
    [InlineData(ReferralStatus.Accepted, false)]
    public void MadeOrAccepted_WithoutConsentOrReason_NamesConsent(ReferralStatus status, bool? consent)
    {
        var errors = new ValidationErrors();

        var (_, refused) = ReferralConsent.Check(ReferralTarget.IDVA, status, consent, "  ", As(Roles.Supervisor), errors);

        Assert.Null(refused);
        Assert.Equal("Error.Referral.ConsentRequired", Assert.Single(errors.Errors).MessageKey);
        Assert.True(errors.Has("consent"));
    }

    [Fact]
    public void WithConsent_AnyRoleAnyTarget_Allowed()
    {
        var errors = new ValidationErrors();

        var (overridden, refused) = ReferralConsent.Check(ReferralTarget.ISAC, ReferralStatus.Made, true, null, As(Roles.ResponseOfficer), errors);

        Assert.False(overridden);
        Assert.Null(refused);
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.StalkingSpoc)]
    public void Override_ToMarac_ByAnOverrideRole_WithReason_Allowed(string role)
    {
        var errors = new ValidationErrors();

        var (overridden, refused) = ReferralConsent.Check(ReferralTarget.MARAC, ReferralStatus.Made, false, "High risk; she declined.", As(role), errors);

        Assert.True(overridden);
        Assert.Null(refused);
        Assert.False(errors.Any);
    }

    [Fact]
    public void Override_ByAnInvestigator_Forbidden()
    {
        var errors = new ValidationErrors();

        var (overridden, refused) = ReferralConsent.Check(ReferralTarget.MAPPA, ReferralStatus.Made, false, "Serious risk.", As(Roles.Investigator), errors);

        Assert.False(overridden);
        Assert.Equal("Error.Referral.OverrideRole", Assert.IsType<Forbidden>(refused).MessageKey);
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(ReferralTarget.ISAC)]
    [InlineData(ReferralTarget.IDVA)]
    [InlineData(ReferralTarget.PerpetratorProgramme)]
    public void Override_ToAnAdvocacyOrOtherService_RefusedNamingConsent(ReferralTarget to)
    {
        var errors = new ValidationErrors();

        var (overridden, refused) = ReferralConsent.Check(to, ReferralStatus.Made, false, "Worried about her.", As(Roles.Supervisor), errors);

        Assert.False(overridden);
        Assert.Null(refused);
        Assert.Equal("Error.Referral.OverrideNotForTarget", Assert.Single(errors.Errors).MessageKey);
    }
}
