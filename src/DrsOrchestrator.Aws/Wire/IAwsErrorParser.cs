namespace DrsOrchestrator.Aws.Wire;

internal interface IAwsErrorParser
{
    AwsErrorInfo Parse(WireResponse response);
}
