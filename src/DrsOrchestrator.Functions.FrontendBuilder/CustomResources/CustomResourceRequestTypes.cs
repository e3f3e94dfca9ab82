namespace DrsOrchestrator.Functions.FrontendBuilder.CustomResources;

internal static class CustomResourceRequestTypes
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
}
