package io.branchcast.controlplane.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.branchcast.contracts.events.JobProgress;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobProgressHubTest {

    private final JobProgressHub hub = new JobProgressHub();

    @Test
    void aSlowClientGetsTheLatestProgressOfItsJobAndStaysSubscribed() {
        AssertSubscriber<JobProgress> client = hub.updatesOf("job-1").subscribe()
                .withSubscriber(AssertSubscriber.create(1));

        hub.publish(progress("job-1", 10));
        hub.publish(progress("job-1", 20));
        hub.publish(progress("job-2", 99));
        hub.publish(progress("job-1", 30));
        client.request(1);

        client.assertNotTerminated();
        assertThat(client.getItems()).extracting(JobProgress::percent).containsExactly(10.0, 30.0);
    }

    private static JobProgress progress(String jobId, double percent) {
        return new JobProgress(jobId, "RUNNING", Map.of(), 0, 100, 0, 0, percent, 0);
    }
}
