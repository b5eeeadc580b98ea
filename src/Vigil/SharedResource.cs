namespace Vigil;

/// <summary>Marker for the one resource file pair (English and Welsh) that holds every user-facing string.</summary>
public sealed class SharedResource;
