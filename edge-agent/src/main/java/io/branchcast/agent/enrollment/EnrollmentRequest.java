package io.branchcast.agent.enrollment;

/** EnrollmentRequest is the body of {@code POST /api/v1/enrollments}. */
public record EnrollmentRequest(String token, String machineId, String hostname, String agentVersion) {

    @Override
    public String toString() {
        return "EnrollmentRequest[machineId=" + machineId + ", hostname=" + hostname + ", agentVersion="
                + agentVersion + "]";
    }
}
