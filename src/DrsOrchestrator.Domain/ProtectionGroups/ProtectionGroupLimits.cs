namespace DrsOrchestrator.Domain.ProtectionGroups;

public static class ProtectionGroupLimits
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1024;

    /// <summary>DRS's ceiling for source servers in one account and region (with extended source servers).</summary>
    public const int MaxSourceServers = 3000;

    /// <summary>DRS allows 50 tags on a resource, so more criteria could never all match.</summary>
    public const int MaxTagCriteria = 50;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    /// <summary>EC2's default number of security groups per network interface.</summary>
    public const int MaxSecurityGroups = 5;
}
