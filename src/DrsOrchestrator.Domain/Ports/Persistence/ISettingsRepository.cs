namespace DrsOrchestrator.Domain.Ports.Persistence;

public interface ISettingsRepository
{
    /// <summary>The stored document, or null when it was never saved (callers apply their defaults).</summary>
    Task<SettingsDocument?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Saves when the stored version equals <c>document.Version</c> (0 = not stored yet); returns it at the next version.</summary>
    /// <exception cref="Common.DomainException">Conflict VERSION_CONFLICT.</exception>
    Task<SettingsDocument> SaveAsync(SettingsDocument document, CancellationToken cancellationToken);
}
