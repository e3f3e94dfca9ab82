// DrsOrchestrator.Aws (our adapters namespace) hides Amazon.CDK.Aws, the pseudo-parameter class.
global using Pseudo = Amazon.CDK.Aws;
