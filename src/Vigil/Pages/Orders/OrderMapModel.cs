using Vigil.Features.Orders;

namespace Vigil.Pages.Orders;

/// <summary>What the drawing partial needs: the order's reference (for its title) and the drawing.</summary>
public sealed record OrderMapModel(string Reference, OrderMap Map);
