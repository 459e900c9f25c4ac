package io.branchcast.controlplane.security;

/**
 * Roles are the realm roles of the Branchcast Keycloak realm. They are composites: admin includes operator, operator
 * includes viewer, so a token carries every role its holder may act as. Agents hold only {@link #AGENT}.
 */
public final class Roles {

    /** Reads jobs, artifacts, sites and agents. */
    public static final String VIEWER = "viewer";
    /** Uploads artifacts; creates, pauses, resumes and cancels jobs. */
    public static final String OPERATOR = "operator";
    /** Manages sites, agents and enrollment; reads the audit log. */
    public static final String ADMIN = "admin";
    /** An enrolled edge agent: origin content, manifests, its own status. */
    public static final String AGENT = "agent";

    private Roles() {
    }
}
