namespace DrsOrchestrator.Local;

internal static class Program
{
    public static void Main()
    {
        // Replaced by the local host (issue 7).
    }
}
