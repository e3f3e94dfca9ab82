namespace DrsOrchestrator.Domain.Ports.Ec2;

public sealed record Ec2InstanceType(string InstanceType, int? DefaultVCpus, long? MemoryMiB);
