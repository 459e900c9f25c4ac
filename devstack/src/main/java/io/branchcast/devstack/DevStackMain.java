package io.branchcast.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * DevStackMain is the command line of the local stack. {@code services --stack-file F} starts PostgreSQL, Keycloak and
 * Kafka, writes how to reach them to F and runs until it gets SIGTERM or Ctrl-C; {@code bin/test} uses it.
 * {@code run --repo DIR} starts the whole system for {@code bin/run}. Errors are printed as one line.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) {
        try {
            CommandLine cli = CommandLine.parse(args);
            switch (cli.command()) {
                case "services" -> services(cli);
                case "run" -> LocalRun.run(cli);
                default -> throw new StackException("unknown command '" + cli.command() + "': use services or run");
            }
        } catch (StackException e) {
            System.err.println("branchcast: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void services(CommandLine cli) {
        StackSettings settings = cli.settings(15432, 19092, 18180, Path.of("target/test-stack"));
        CountDownLatch crashed = new CountDownLatch(1);
        LocalStack stack = LocalStack.start(settings, crash -> {
            System.err.println("branchcast: !!! " + crash);
            crashed.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "branchcast-stack-stop"));
        stack.info().writeTo(Path.of(cli.required("--stack-file")));
        System.out.println("branchcast: stack ready (PostgreSQL " + stack.info().postgresUrl() + ", Kafka "
                + stack.info().kafkaBootstrap() + ", Keycloak " + stack.info().keycloakUrl() + ")");
        awaitCrash(crashed);
        System.exit(2);
    }

    static void awaitCrash(CountDownLatch crashed) {
        try {
            crashed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
