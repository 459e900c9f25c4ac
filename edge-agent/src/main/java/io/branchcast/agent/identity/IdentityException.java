package io.branchcast.agent.identity;

/** IdentityException: Keycloak did not issue an access token to the agent. */
public final class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message);
    }
}
