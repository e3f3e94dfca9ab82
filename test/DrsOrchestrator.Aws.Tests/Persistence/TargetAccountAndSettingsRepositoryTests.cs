using DrsOrchestrator.Aws.Persistence.Accounts;
using DrsOrchestrator.Aws.Persistence.Settings;
using DrsOrchestrator.Domain.Accounts;
using DrsOrchestrator.Domain.Common;
using DrsOrchestrator.Domain.Ports.Persistence;
using DrsOrchestrator.Tests.Common.DynamoDb;

namespace DrsOrchestrator.Aws.Tests.Persistence;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class TargetAccountAndSettingsRepositoryTests(DynamoDbLocalFixture fixture) : PersistenceTestContext(fixture)
{
    private static int _nextAccount = 100;

    private DynamoDbTargetAccountRepository Accounts => new(Client, Options);

    private DynamoDbSettingsRepository Settings => new(Client, Options);

    private static TargetAccount NewAccount()
    {
        var id = "4444" + Interlocked.Increment(ref _nextAccount).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return TargetAccount.Create(
            new TargetAccountDraft
            {
                AccountId = id,
                Name = "spoke " + id,
                RoleArn = $"arn:aws:iam::{id}:role/DrsOrchestratorSpoke",
                ExternalId = "ext-" + id,
                Regions = ["us-east-1", "us-west-2"],
            },
            "admin@example.test",
            ExecutionBuilder.Now);
    }

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsAccount()
    {
        var account = NewAccount().WithValidation(true, "assumed role", ExecutionBuilder.Now);

        await Accounts.CreateAsync(account, default);
        var loaded = await Accounts.GetAsync(account.AccountId, default);

        Assert.Equal(1, loaded!.Version);
        Assert.Equal(account.RoleArn, loaded.RoleArn);
        Assert.Equal(account.ExternalId, loaded.ExternalId);
        Assert.Equal(account.Regions, loaded.Regions);
        Assert.Equal(account.Validation, loaded.Validation);
    }

    [Fact]
    public async Task CreateAsync_SameAccountTwice_ThrowsAccountExists()
    {
        var account = NewAccount();
        await Accounts.CreateAsync(account, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.CreateAsync(account, default));

        Assert.Equal(ErrorCodes.AccountExists, error.Code);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsVersionConflict()
    {
        var created = await Accounts.CreateAsync(NewAccount(), default);
        await Accounts.UpdateAsync(created with { Name = "renamed" }, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.UpdateAsync(created with { Name = "again" }, default));

        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
    }

    [Fact]
    public async Task DeleteAsync_UnknownAccount_ThrowsAccountNotFound()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.DeleteAsync("999988887777", 1, default));

        Assert.Equal(ErrorCodes.AccountNotFound, error.Code);
    }

    [Fact]
    public async Task ListAsync_TamperedToken_ThrowsInvalidPaginationToken()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Accounts.ListAsync(new PageRequest(5, "eyJhY2NvdW50SWQiOnsiUyI6IngiLCJOIjoiMSJ9fQ"), default));

        Assert.Equal(ErrorCodes.InvalidPaginationToken, error.Code);
    }

    [Fact]
    public async Task SaveAsync_NewThenStale_StoresFirstAndRejectsStale()
    {
        var draft = new SettingsDocument("tag-sync", """{"enabled":true}""", 0, "admin@example.test", ExecutionBuilder.Now);

        var saved = await Settings.SaveAsync(draft, default);
        var error = await Assert.ThrowsAsync<DomainException>(() => Settings.SaveAsync(draft with { Json = """{"enabled":false}""" }, default));
        var loaded = await Settings.GetAsync("tag-sync", default);

        Assert.Equal(1, saved.Version);
        Assert.Equal(ErrorCodes.VersionConflict, error.Code);
        Assert.Equal("""{"enabled":true}""", loaded!.Json);
        Assert.Null(await Settings.GetAsync("never-saved", default));
    }
}
