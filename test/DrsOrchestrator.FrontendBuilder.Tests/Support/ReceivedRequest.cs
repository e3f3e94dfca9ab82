using System.Text;

namespace DrsOrchestrator.FrontendBuilder.Tests.Support;

internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
