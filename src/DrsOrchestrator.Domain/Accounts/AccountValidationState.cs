namespace DrsOrchestrator.Domain.Accounts;

/// <summary>Whether the hub last managed to assume the account's role and reach DRS with it.</summary>
public enum AccountValidationState
{
    Unvalidated,
    Valid,
    Invalid,
}
