namespace DrsOrchestrator.Domain.Ports.Console;

/// <summary>One file of the published console with the headers browsers and CloudFront cache by.</summary>
public sealed record SiteObject(string Key, byte[] Content, string ContentType, string CacheControl);
