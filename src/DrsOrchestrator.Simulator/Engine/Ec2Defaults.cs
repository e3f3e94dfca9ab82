using System.Security.Cryptography;
using System.Text;
using DrsOrchestrator.Simulator.Scenarios;

namespace DrsOrchestrator.Simulator.Engine;

/// <summary>
/// What EC2 shows in a region the scenario says nothing about: ids and CIDRs are hashed from the
/// account and region, so every run (and every test) sees the same network.
/// </summary>
internal static class Ec2Defaults
{
    /// <summary>(type, vCPUs, MiB): a handful of common sizes, including the simulator's default recommendation m5.large.</summary>
    public static readonly IReadOnlyList<(string Type, int VCpus, long MemoryMiB)> InstanceTypes =
    [
        ("c5.large", 2, 4096),
        ("c5.xlarge", 4, 8192),
        ("m5.large", 2, 8192),
        ("m5.xlarge", 4, 16384),
        ("m5.2xlarge", 8, 32768),
        ("r5.large", 2, 16384),
        ("r5.xlarge", 4, 32768),
        ("t3.medium", 2, 4096),
        ("t3.micro", 2, 1024),
    ];

    public static ScenarioNetwork Network(string accountId, string region)
    {
        var seed = $"{accountId}/{region}";
        var secondOctet = Hash(seed + "/cidr")[0] % 250;
        string[] tiers = ["web", "app", "data"];
        return new ScenarioNetwork
        {
            VpcId = "vpc-" + Hex(seed + "/vpc"),
            CidrBlock = $"10.{secondOctet}.0.0/16",
            Subnets = [.. tiers.Select((tier, i) => new ScenarioSubnet
            {
                SubnetId = "subnet-" + Hex(seed + "/subnet/" + tier),
                AvailabilityZone = region + (char)('a' + i),
                CidrBlock = $"10.{secondOctet}.{i}.0/24",
                Name = $"drs-recovery-{tier}-{region + (char)('a' + i)}",
            })],
            SecurityGroups =
            [
                new ScenarioSecurityGroup { GroupId = "sg-" + Hex(seed + "/sg/default"), GroupName = "default", Description = "default VPC security group" },
                new ScenarioSecurityGroup { GroupId = "sg-" + Hex(seed + "/sg/app"), GroupName = "drs-recovery-app", Description = "Recovered application servers" },
                new ScenarioSecurityGroup { GroupId = "sg-" + Hex(seed + "/sg/db"), GroupName = "drs-recovery-db", Description = "Recovered database servers" },
            ],
        };
    }

    /// <summary>The private address a recovery instance gets when DRS does not copy the source's IP.</summary>
    public static string PrivateIp(ScenarioSubnet subnet, string instanceId)
    {
        var prefix = subnet.CidrBlock.Split('/')[0].Split('.');
        var host = 10 + (Hash(instanceId)[0] % 240);
        return $"{prefix[0]}.{prefix[1]}.{prefix[2]}.{host}";
    }

    public static int Pick(string key, int count) => (int)(BitConverter.ToUInt32(Hash(key), 0) % (uint)count);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string Hex(string value) => Convert.ToHexStringLower(Hash(value))[..17];
}
