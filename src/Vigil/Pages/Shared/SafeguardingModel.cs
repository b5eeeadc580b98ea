using Vigil.Features.Cases;

namespace Vigil.Pages.Shared;

/// <summary>What the safeguarding partial shows: its heading and the records.</summary>
public sealed record SafeguardingModel(string HeadingKey, IReadOnlyList<SafeguardingEntry> Entries);
