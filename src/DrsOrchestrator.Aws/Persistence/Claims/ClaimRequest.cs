using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence.Claims;

/// <param name="Info">Extra attributes stored on the claim (e.g. the server id) for operators reading the table.</param>
/// <param name="OnConflict">The domain error when another owner holds the key.</param>
internal sealed record ClaimRequest(
    string LockKey,
    IReadOnlyDictionary<string, AttributeValue> Info,
    Func<ClaimHolder, DomainException> OnConflict);
