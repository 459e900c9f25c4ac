package io.branchcast.agent.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.enrollment.PrivateFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** JobRecords stores {@link JobRecord}s, one atomically written file per job. Blocking; thread-safe per job. */
public final class JobRecords {

    private static final System.Logger LOG = System.getLogger(JobRecords.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public JobRecords(Path dir) {
        this.dir = dir;
    }

    public Map<String, JobRecord> loadAll() throws IOException {
        PrivateFiles.createDirectory(dir);
        Map<String, JobRecord> records = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    JobRecord record = JSON.readValue(file.toFile(), JobRecord.class);
                    records.put(record.jobId(), record);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "ignoring unreadable job record {0}: {1}; the job is"
                            + " started afresh if it is still active", file, e.getMessage());
                }
            }
        }
        return records;
    }

    public void save(JobRecord record) throws IOException {
        PrivateFiles.writeAtomically(dir.resolve(record.jobId() + ".json"), JSON.writeValueAsBytes(record));
    }

    public void delete(String jobId) throws IOException {
        Files.deleteIfExists(dir.resolve(jobId + ".json"));
    }
}
