using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Domain.Accounts;

/// <summary>
/// A spoke account the hub reaches with STS AssumeRole and an external ID. Public init members are the
/// persisted state; <see cref="Create"/>, <see cref="Update"/> and <see cref="WithValidation"/> change it.
/// </summary>
public sealed record TargetAccount
{
    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required string RoleArn { get; init; }

    /// <summary>Sent with AssumeRole so that only this hub can use the role (confused-deputy guard).</summary>
    public required string ExternalId { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }

    public AccountValidation Validation { get; init; } = AccountValidation.Unvalidated;

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-locking version; the repository sets and bumps it.</summary>
    public long Version { get; init; }

    public static TargetAccount Create(TargetAccountDraft draft, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        problems.AddRange(Validate(draft));
        problems.ThrowIfAny("Target account");
        return new TargetAccount
        {
            AccountId = draft.AccountId,
            Name = draft.Name.Trim(),
            RoleArn = draft.RoleArn,
            ExternalId = draft.ExternalId,
            Regions = [.. draft.Regions.Distinct(StringComparer.Ordinal)],
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Replaces the editable fields. The account ID is the identity and cannot change. A new role or
    /// external ID has not been tried yet, so the validation state resets to UNVALIDATED.
    /// </summary>
    public TargetAccount Update(TargetAccountDraft draft, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        if (!string.Equals(draft.AccountId, AccountId, StringComparison.Ordinal))
        {
            problems.Add("accountId", ErrorCodes.InvalidField, "accountId cannot change; add a new account instead.");
        }

        problems.AddRange(Validate(draft));
        problems.ThrowIfAny("Target account");
        var credentialsChanged = draft.RoleArn != RoleArn || draft.ExternalId != ExternalId;
        return this with
        {
            Name = draft.Name.Trim(),
            RoleArn = draft.RoleArn,
            ExternalId = draft.ExternalId,
            Regions = [.. draft.Regions.Distinct(StringComparer.Ordinal)],
            Validation = credentialsChanged ? AccountValidation.Unvalidated : Validation,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
    }

    public TargetAccount WithValidation(bool valid, string? message, DateTimeOffset checkedAt) =>
        this with { Validation = new AccountValidation(valid ? AccountValidationState.Valid : AccountValidationState.Invalid, message, checkedAt) };

    public static IReadOnlyList<ValidationProblem> Validate(TargetAccountDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new ValidationProblems();
        var accountValid = false;
        if (string.IsNullOrEmpty(draft.AccountId))
        {
            problems.Add("accountId", ErrorCodes.MissingField, "accountId is required.");
        }
        else if (!AwsIdentifiers.IsAccountId(draft.AccountId))
        {
            problems.Add("accountId", ErrorCodes.InvalidAccount, "accountId must be 12 digits.");
        }
        else
        {
            accountValid = true;
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add("name", ErrorCodes.MissingField, "name is required.");
        }
        else if (draft.Name.Trim().Length > TargetAccountLimits.MaxNameLength)
        {
            problems.Add("name", ErrorCodes.InvalidField, $"name must be at most {TargetAccountLimits.MaxNameLength} characters.");
        }

        if (string.IsNullOrEmpty(draft.RoleArn))
        {
            problems.Add("roleArn", ErrorCodes.MissingField, "roleArn is required.");
        }
        else if (AwsIdentifiers.AccountOfRoleArn(draft.RoleArn) is not { } roleAccount)
        {
            problems.Add("roleArn", ErrorCodes.InvalidRoleArn, "roleArn must look like arn:aws:iam::<12-digit account>:role/<name>.");
        }
        else if (accountValid && roleAccount != draft.AccountId)
        {
            problems.Add("roleArn", ErrorCodes.RoleAccountMismatch, $"roleArn belongs to account {roleAccount}, not {draft.AccountId}.");
        }

        if (string.IsNullOrEmpty(draft.ExternalId))
        {
            problems.Add("externalId", ErrorCodes.MissingField, "externalId is required.");
        }
        else if (!AwsIdentifiers.IsExternalId(draft.ExternalId))
        {
            problems.Add("externalId", ErrorCodes.InvalidField, "externalId must be 2–1224 characters of letters, digits and + = , . @ : / _ -.");
        }

        var regions = draft.Regions ?? [];
        if (regions.Count == 0)
        {
            problems.Add("regions", ErrorCodes.MissingField, "At least one region is required.");
        }
        else if (regions.Count > TargetAccountLimits.MaxRegions)
        {
            problems.Add("regions", ErrorCodes.LimitExceeded, $"At most {TargetAccountLimits.MaxRegions} regions are allowed.");
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!AwsIdentifiers.IsRegion(regions[i]))
            {
                problems.Add($"regions[{i}]", ErrorCodes.InvalidRegion, $"'{regions[i]}' is not an AWS region name.");
            }
        }

        return problems.Items;
    }
}
