namespace DrsOrchestrator.Local.Seed;

/// <summary>What the seeder added on this start (empty when everything already existed).</summary>
internal sealed record SeedResult(IReadOnlyList<string> Created);
