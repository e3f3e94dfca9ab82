import java.lang.reflect.Field;

/**
 * Starts DynamoDB Local bound to 127.0.0.1 only. DynamoDB Local has no listen-address option and its
 * Jetty server binds every interface, so this launcher sets the host on the connector before start.
 * It also exits when its standard input closes: the .NET host keeps that pipe open, so if the host
 * dies for any reason (even SIGKILL) this JVM does not outlive it.
 */
public final class LoopbackDynamoDbLocal {
    private LoopbackDynamoDbLocal() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Drain until the parent closes the pipe.
                }
            } catch (Exception ignored) {
                // A broken pipe means the parent is gone, same as end of stream.
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        var proxy = com.amazonaws.services.dynamodbv2.local.main.ServerRunner.createServerFromCommandLineArgs(args);
        Field field = proxy.getClass().getDeclaredField("server");
        field.setAccessible(true);
        var server = (org.eclipse.jetty.server.Server) field.get(proxy);
        for (var connector : server.getConnectors()) {
            ((org.eclipse.jetty.server.ServerConnector) connector).setHost("127.0.0.1");
        }
        proxy.start();
        System.out.println("DYNAMODB_LOCAL_READY");
    }
}
