using System.Globalization;

namespace DrsOrchestrator.Aws.Tests.Persistence;

internal static class TestIds
{
    private static int _next;

    /// <summary>A syntactically valid DRS source server id (s- and 17 hex digits), unique per call.</summary>
    public static string SourceServer() =>
        "s-" + Interlocked.Increment(ref _next).ToString("x17", CultureInfo.InvariantCulture);

    public static string Group() => "pg-" + Guid.NewGuid().ToString("N");

    public static string Plan() => "plan-" + Guid.NewGuid().ToString("N");

    public static string Execution() => "exec-" + Guid.NewGuid().ToString("N");
}
