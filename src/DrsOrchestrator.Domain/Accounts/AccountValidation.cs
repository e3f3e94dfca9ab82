namespace DrsOrchestrator.Domain.Accounts;

public sealed record AccountValidation(AccountValidationState State, string? Message, DateTimeOffset? CheckedAt)
{
    public static AccountValidation Unvalidated { get; } = new(AccountValidationState.Unvalidated, null, null);
}
