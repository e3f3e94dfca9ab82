using System.Runtime.CompilerServices;

// The wire tests drive the signer, error parsers and retry loop directly.
[assembly: InternalsVisibleTo("DrsOrchestrator.Aws.Tests")]
