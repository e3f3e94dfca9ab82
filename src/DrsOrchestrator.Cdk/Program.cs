namespace DrsOrchestrator.Cdk;

internal static class Program
{
    public static void Main()
    {
        // Replaced by the CDK app (issue 6).
    }
}
