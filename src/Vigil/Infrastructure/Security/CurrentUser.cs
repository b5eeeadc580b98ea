using System.Globalization;
using System.Security.Claims;
using Vigil.Features.Users;

namespace Vigil.Infrastructure.Security;

/// <summary>The signed-in user as handlers need them: who, in which force, under which role.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? _override;

    private ClaimsPrincipal Principal => _override ?? accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal.FindFirstValue(ClaimTypes.Name);

    public string DisplayName => Principal.FindFirstValue(VigilClaims.DisplayName) ?? UserName ?? "";

    public long? ForceId => long.TryParse(Principal.FindFirstValue(VigilClaims.ForceId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? ForceCode => Principal.FindFirstValue(VigilClaims.ForceCode);

    public long? AgencyId => long.TryParse(Principal.FindFirstValue(VigilClaims.AgencyId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public string RoleText => string.Join(',', Roles);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Principal.IsInRole);

    /// <summary>For command-line verbs that act as a named user outside an HTTP request.</summary>
    public void ActAs(ClaimsPrincipal principal) => _override = principal;
}
