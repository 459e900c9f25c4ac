package io.branchcast.agent.swarm.storage;

/** SeedTrust says how an existing complete file opened for seeding earns its "all pieces verified" status. */
public enum SeedTrust {
    /** One hashing pass over the file; every piece and the whole-file SHA-256 must match the manifest. */
    HASH_CHECK,
    /** No check: the file was installed by this agent's own {@link PieceStore#complete()} and not touched since. */
    TRUSTED
}
