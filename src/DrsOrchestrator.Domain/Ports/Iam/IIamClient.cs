namespace DrsOrchestrator.Domain.Ports.Iam;

/// <summary>The IAM reads the launch settings forms need, in one account (IAM is global, not regional).</summary>
public interface IIamClient
{
    /// <summary>ListInstanceProfiles, following IAM's Marker to the end.</summary>
    Task<IReadOnlyList<IamInstanceProfile>> ListInstanceProfilesAsync(CancellationToken cancellationToken);
}
