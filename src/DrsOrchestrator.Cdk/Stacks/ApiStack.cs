using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using DrsOrchestrator.Cdk.Constructs;
using DrsOrchestrator.Domain.Security;
using DrsOrchestrator.Functions.Api.Routing;

namespace DrsOrchestrator.Cdk.Stacks;

/// <summary>
/// Cognito user pool and the REST API generated from the route table: one resource per path segment,
/// one method per route, the Cognito authorizer on every route that is not public.
/// </summary>
internal sealed class ApiStack : NestedStack
{
    private static readonly IReadOnlyDictionary<string, string> GroupDescriptions = new Dictionary<string, string>
    {
        [RoleGroups.Admin] = "Full access, including target accounts and settings.",
        [RoleGroups.RecoveryManager] = "Runs drills and recoveries, manages executions, terminates instances.",
        [RoleGroups.PlanManager] = "Creates and edits protection groups and recovery plans.",
        [RoleGroups.Operator] = "Runs drills and recoveries.",
        [RoleGroups.DrillOperator] = "Runs drills only.",
        [RoleGroups.ReadOnly] = "Views everything, changes nothing.",
    };

    private readonly Dictionary<string, Method> methods = new(StringComparer.Ordinal);

    public ApiStack(Construct scope, string id, ApiStackProps props)
        : base(scope, id, new NestedStackProps { Description = "DRS Orchestrator REST API and Cognito user pool." })
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var removal = config.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        UserPool = new UserPool(this, "UserPool", new UserPoolProps
        {
            UserPoolName = config.Name("users"),
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Email = true },
            SignInCaseSensitive = false,
            AutoVerify = new AutoVerifiedAttrs { Email = true },
            StandardAttributes = new StandardAttributes { Email = new StandardAttribute { Required = true, Mutable = true } },
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = 14,
                RequireLowercase = true,
                RequireUppercase = true,
                RequireDigits = true,
                RequireSymbols = true,
                TempPasswordValidity = Duration.Days(3),
            },
            Mfa = Mfa.OPTIONAL,
            MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            AdvancedSecurityMode = AdvancedSecurityMode.ENFORCED,
            DeletionProtection = config.IsProduction,
            RemovalPolicy = removal,
        });
        // Threat protection (ENFORCED) is a Plus-tier feature; CDK 2.160 has no property for the tier.
        ((CfnUserPool)UserPool.Node.DefaultChild!).AddPropertyOverride("UserPoolTier", "PLUS");
        Nag.Suppress(UserPool, new NagSuppression("AwsSolutions-COG2",
            "MFA is optional (TOTP) by product decision: automation users sign in headless; operators enable TOTP themselves."));

        UserPoolClient = UserPool.AddClient("ConsoleClient", new UserPoolClientOptions
        {
            UserPoolClientName = config.Name("console"),
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true },
            AccessTokenValidity = Duration.Minutes(45),
            IdTokenValidity = Duration.Minutes(45),
            RefreshTokenValidity = Duration.Hours(12),
            PreventUserExistenceErrors = true,
            EnableTokenRevocation = true,
        });

        var precedence = 0;
        foreach (var group in RoleGroups.All)
        {
            new CfnUserPoolGroup(this, "Group" + group, new CfnUserPoolGroupProps
            {
                UserPoolId = UserPool.UserPoolId,
                GroupName = group,
                Description = GroupDescriptions[group],
                Precedence = precedence++,
            });
        }

        if (config.AdminEmail is { } adminEmail)
        {
            // Cognito e-mails a temporary password; the template never carries one.
            var admin = new CfnUserPoolUser(this, "AdminUser", new CfnUserPoolUserProps
            {
                UserPoolId = UserPool.UserPoolId,
                Username = adminEmail,
                DesiredDeliveryMediums = ["EMAIL"],
                UserAttributes = new object[]
                {
                    new CfnUserPoolUser.AttributeTypeProperty { Name = "email", Value = adminEmail },
                    new CfnUserPoolUser.AttributeTypeProperty { Name = "email_verified", Value = "true" },
                },
            });
            var membership = new CfnUserPoolUserToGroupAttachment(this, "AdminUserGroup", new CfnUserPoolUserToGroupAttachmentProps
            {
                UserPoolId = UserPool.UserPoolId,
                GroupName = RoleGroups.Admin,
                Username = adminEmail,
            });
            membership.AddDependency(admin);
            membership.AddDependency((Amazon.CDK.CfnResource)Node.FindChild("Group" + RoleGroups.Admin));
        }

        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            LogGroupName = "/aws/apigateway/" + config.Name("api") + "/access",
            Retention = config.IsProduction ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
            RemovalPolicy = removal,
        });

        Api = new RestApi(this, "Api", new RestApiProps
        {
            RestApiName = config.Name("api"),
            Description = "DRS Orchestrator REST API (generated from the route table).",
            EndpointTypes = [EndpointType.REGIONAL],
            CloudWatchRole = true,
            CloudWatchRoleRemovalPolicy = removal,
            DeployOptions = new StageOptions
            {
                StageName = "api",
                TracingEnabled = true,
                LoggingLevel = MethodLoggingLevel.ERROR,
                DataTraceEnabled = false,
                MetricsEnabled = true,
                ThrottlingRateLimit = config.IsProduction ? 200 : 50,
                ThrottlingBurstLimit = config.IsProduction ? 400 : 100,
                AccessLogDestination = new LogGroupLogDestination(AccessLogs),
                AccessLogFormat = AccessLogFormat.JsonWithStandardFields(new JsonWithStandardFieldProps
                {
                    Caller = true, HttpMethod = true, Ip = true, Protocol = true, RequestTime = true,
                    ResourcePath = true, ResponseLength = true, Status = true, User = true,
                }),
            },
            // The console's CloudFront domain is only known after this stack (see ADR 0100), so the origin
            // is configuration: required in prod, any origin elsewhere (tokens never travel in cookies).
            DefaultCorsPreflightOptions = new CorsOptions
            {
                AllowOrigins = config.ConsoleOrigin is { } origin ? [origin] : Cors.ALL_ORIGINS,
                AllowMethods = Cors.ALL_METHODS,
                AllowHeaders = ["Content-Type", "Authorization", "X-Amz-Date", "X-Requested-With"],
                MaxAge = Duration.Hours(1),
            },
        });
        Nag.SuppressChild(Api, "CloudWatchRole", new NagSuppression("AwsSolutions-IAM4",
            "API Gateway's account-level logging role uses the service's own AmazonAPIGatewayPushToCloudWatchLogs policy."));

        // Errors API Gateway answers itself (401 from the authorizer, throttling) must be readable cross-origin too.
        foreach (var (name, type) in new[] { ("Default4xx", ResponseType_.DEFAULT_4XX), ("Default5xx", ResponseType_.DEFAULT_5XX) })
        {
            Api.AddGatewayResponse(name, new GatewayResponseOptions
            {
                Type = type,
                ResponseHeaders = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = $"'{config.CorsAllowedOrigin}'" },
            });
        }

        // Required path parameters are checked at the edge; bodies have no API Gateway models, the
        // handler validates them against the route's request type.
        var validator = Api.AddRequestValidator("RequestValidator", new RequestValidatorOptions
        {
            RequestValidatorName = config.Name("api-requests"),
            ValidateRequestParameters = true,
            ValidateRequestBody = true,
        });

        Authorizer = new CognitoUserPoolsAuthorizer(this, "Authorizer", new CognitoUserPoolsAuthorizerProps
        {
            AuthorizerName = config.Name("cognito"),
            CognitoUserPools = [UserPool],
            IdentitySource = "method.request.header.Authorization",
        });

        // One integration and one invoke permission for the whole API: a permission per method would
        // overflow the function's 20 KB resource policy with this many routes.
        var integration = new Integration(new IntegrationProps
        {
            Type = IntegrationType.AWS_PROXY,
            IntegrationHttpMethod = "POST",
            Uri = $"arn:{Pseudo.PARTITION}:apigateway:{Pseudo.REGION}:lambda:path/2015-03-31/functions/{props.ApiFunction.FunctionArn}/invocations",
        });
        foreach (var route in props.Routes)
        {
            var resource = Api.Root.ResourceForPath(route.PathTemplate);
            var isPublic = route.Access == RouteAccess.Public;
            var method = resource.AddMethod(route.Method, integration, new MethodOptions
            {
                OperationName = route.OperationId,
                AuthorizationType = isPublic ? AuthorizationType.NONE : AuthorizationType.COGNITO,
                Authorizer = isPublic ? null : Authorizer,
                RequestParameters = route.PathParameterNames.ToDictionary(p => "method.request.path." + p, _ => true),
                RequestValidator = validator,
            });
            if (isPublic)
            {
                Nag.Suppress(method,
                    new NagSuppression("AwsSolutions-APIG4", $"{route.Key} is public by design (liveness and API description); it reads no data."),
                    new NagSuppression("AwsSolutions-COG4", $"{route.Key} is public by design (liveness and API description); it reads no data."));
            }

            methods[route.Key] = method;
        }

        foreach (var child in Api.Methods.Where(m => m.HttpMethod == "OPTIONS"))
        {
            Nag.Suppress(child,
                new NagSuppression("AwsSolutions-APIG4", "CORS preflight must be answered without credentials (browsers send none)."),
                new NagSuppression("AwsSolutions-COG4", "CORS preflight must be answered without credentials (browsers send none)."));
        }

        new CfnPermission(this, "ApiInvokePermission", new CfnPermissionProps
        {
            Action = "lambda:InvokeFunction",
            FunctionName = props.ApiFunction.FunctionArn,
            Principal = "apigateway.amazonaws.com",
            SourceArn = Api.ArnForExecuteApi("*", "/*", "*"),
        });

        new CfnWebACLAssociation(this, "WafAssociation", new CfnWebACLAssociationProps
        {
            ResourceArn = Api.DeploymentStage.StageArn,
            WebAclArn = props.WebAclArn,
        });

        new CfnOutput(this, "ApiUrl", new CfnOutputProps { Value = Api.Url, Description = "Base URL of the REST API." });
    }

    public UserPool UserPool { get; }

    public UserPoolClient UserPoolClient { get; }

    public RestApi Api { get; }

    public CognitoUserPoolsAuthorizer Authorizer { get; }

    public LogGroup AccessLogs { get; }

    public Method MethodFor(string method, string pathTemplate) => methods[method + " " + pathTemplate];
}
