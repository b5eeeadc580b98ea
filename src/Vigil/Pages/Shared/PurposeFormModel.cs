namespace Vigil.Pages.Shared;

public sealed record PurposeFormModel(string ForceName, string? Purpose);
