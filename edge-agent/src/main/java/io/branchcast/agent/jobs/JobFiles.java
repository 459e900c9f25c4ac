package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.AgentErrorCode;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * JobFiles is where one job's data lives: {@code <data.dir>/<jobId>/} holds the installed payload under its manifest
 * name and, while downloading, the partial data in {@code .partial/} (same file system, so installing is an atomic
 * rename).
 */
public record JobFiles(Path dir) {

    public static JobFiles of(Path dataDir, String jobId) {
        return new JobFiles(dataDir.resolve(jobId));
    }

    public Path staging() {
        return dir.resolve(".partial");
    }

    /** The installed payload; refuses names that would leave the job's directory. */
    public Path target(String fileName) {
        Path target = dir.resolve(fileName).normalize();
        if (!dir.equals(target.getParent()) || fileName.startsWith(".")) {
            throw new JobFailure(AgentErrorCode.INTERNAL,
                    "the manifest's file name '" + fileName + "' is not a plain file name");
        }
        return target;
    }

    /** Deletes everything of the job, partial and complete. Blocking. */
    public void delete() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                if (error != null) {
                    throw error;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes the partial data only (a completed job keeps its payload). Blocking. */
    public void deletePartial() throws IOException {
        new JobFiles(staging()).delete();
    }
}
