package io.branchcast.systemtests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's browser test (console/e2e/console.e2e.mjs: Playwright driving Debian's headless Chromium) against the
 * packaged control plane with two real agents: sign-in, site, enrollment token, upload, a job watched to 100 %, a
 * scheduled job paused and cancelled, the viewer's read-only view. Its screenshots go to docs/screenshots.
 */
class ConsoleE2eTest {

    private static final String OFFICE = "Console office";
    private static final int AGENTS = 2;

    @Test
    void anOperatorRollsOutAPayloadToRealAgentsThroughTheConsole() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        KeycloakConsoleClient.allowOrigin(sut.sandbox.stack(), sut.baseUrl());
        try (Office office = Office.open(OFFICE, AGENTS)) {
            Path console = sut.repo.resolve("console");
            Path log = sut.sandbox.dataDir().resolve("logs/console-e2e.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder e2e = new ProcessBuilder("node", "e2e/console.e2e.mjs").directory(console.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            e2e.environment().put("BRANCHCAST_CONSOLE_URL", sut.baseUrl());
            e2e.environment().put("BRANCHCAST_E2E_SITE", OFFICE);
            e2e.environment().put("BRANCHCAST_E2E_AGENTS", Integer.toString(office.workstations.size()));
            e2e.environment().put("BRANCHCAST_E2E_SCREENSHOTS", sut.repo.resolve("docs/screenshots").toString());
            Process process = e2e.start();

            boolean finished = process.waitFor(Duration.ofMinutes(6).toSeconds(), TimeUnit.SECONDS);
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(finished).as("the browser test finished within 6 minutes:%n%s", output).isTrue();
            assertThat(process.exitValue()).as("browser test steps:%n%s", output).isZero();
        }
    }
}
