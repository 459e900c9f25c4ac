package io.branchcast.agent.install;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * InstallScript runs the real install.sh the control plane serves, rendered the way the control plane renders it
 * (its URL in place of the placeholder), with /bin/sh.
 */
final class InstallScript {

    private static final String PLACEHOLDER = "@CONTROL_PLANE_URL@";

    private final Path script;
    private final Path tmp;

    InstallScript(URI controlPlane, Path workDir) throws IOException {
        Path source = Path.of(System.getProperty("branchcast.install.script"));
        String text = Files.readString(source);
        if (!text.contains(PLACEHOLDER)) {
            throw new IllegalStateException(source + " has no " + PLACEHOLDER + " to render");
        }
        script = workDir.resolve("install.sh");
        Files.writeString(script, text.replace(PLACEHOLDER, controlPlane.toString()));
        tmp = Files.createDirectories(workDir.resolve("tmp"));
    }

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        return Run.of(command, tmp);
    }

    /**
     * Runs the script as another user, piped into {@code sh -s --} as the one-line install does (that user need not
     * read the test's files).
     */
    Run runAs(int uid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "sh", "-s", "--"));
        command.addAll(List.of(args));
        return Run.of(command, tmp, Redirect.from(script.toFile()));
    }

    /** A finished process: exit code and both outputs. */
    record Run(int exitCode, String stdout, String stderr) {

        static Run of(List<String> command, Path tmp) throws IOException, InterruptedException {
            return of(command, tmp, Redirect.from(new File("/dev/null")));
        }

        static Run of(List<String> command, Path tmp, Redirect stdin) throws IOException, InterruptedException {
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(stdin)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("TMPDIR", tmp.toString());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
