package io.branchcast.controlplane.console;

/**
 * ConsoleSettings is what the web console needs before anyone signs in: where Keycloak is ({@code keycloakUrl} and
 * {@code realm}, also joined as {@code realmUrl}), its client id, and the control plane's version.
 */
public record ConsoleSettings(String keycloakUrl, String realm, String realmUrl, String clientId, String version) {

    private static final String REALMS = "/realms/";

    /** Splits a Keycloak realm URL into server and realm (Keycloak's fixed layout {@code <server>/realms/<realm>}). */
    static ConsoleSettings of(String realmUrl, String clientId, String version) {
        String url = realmUrl.replaceAll("/+$", "");
        int at = url.lastIndexOf(REALMS);
        if (at < 0 || at + REALMS.length() == url.length()) {
            throw new IllegalArgumentException("branchcast.console.realm-url must look like <keycloak>/realms/<realm>, not " + url);
        }
        return new ConsoleSettings(url.substring(0, at), url.substring(at + REALMS.length()), url, clientId, version);
    }
}
