using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.ProtectionGroups;

namespace DrsOrchestrator.Application.Orchestration;

/// <summary>A source server a wave will launch, with the protection group whose launch settings apply to it.</summary>
internal sealed record ResolvedServer(SourceServerRef Server, ProtectionGroup Group);
