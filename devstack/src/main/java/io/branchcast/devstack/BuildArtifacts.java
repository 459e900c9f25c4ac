package io.branchcast.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * BuildArtifacts reads what the Maven build recorded about the server distributions it resolved (and so cached in the
 * local Maven repository): the Keycloak zip and the Kafka broker's classpath.
 */
final class BuildArtifacts {

    private static final String REBUILD = "run `mvn -q -pl devstack -am install -DskipTests` (it downloads the server distributions)";

    private BuildArtifacts() {
    }

    static Path keycloakZip() {
        Path zip = Path.of(properties().getProperty("keycloak.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new StackException("the Keycloak distribution is missing at " + zip + ": " + REBUILD);
        }
        return zip;
    }

    static String keycloakVersion() {
        return properties().getProperty("keycloak.version");
    }

    static List<Path> kafkaClasspath() {
        try (InputStream in = resource("kafka-broker.classpath")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<Path> jars = Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
            jars.stream().filter(p -> !Files.exists(p)).findFirst().ifPresent(missing -> {
                throw new StackException("a Kafka broker jar is missing at " + missing + ": " + REBUILD);
            });
            return jars;
        } catch (IOException e) {
            throw new StackException("cannot read the Kafka broker classpath: " + REBUILD, e);
        }
    }

    private static Properties properties() {
        try (InputStream in = resource("artifacts.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new StackException("cannot read the devstack build metadata: " + REBUILD, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BuildArtifacts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }
}
