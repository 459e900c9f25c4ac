package io.branchcast.agent.enrollment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsFileTest {

    @TempDir
    Path dir;

    static Credentials credentials() {
        return new Credentials("3f1e0c1a-0000-4000-8000-000000000001", "5a0e0c1a-0000-4000-8000-000000000002",
                List.of("lab"), "agent-3f1e0c1a-0000-4000-8000-000000000001", "s3cret",
                "http://127.0.0.1:18180/realms/branchcast",
                "http://127.0.0.1:18180/realms/branchcast/protocol/openid-connect/token", "127.0.0.1:19092",
                "branchcast.jobs.desired", "branchcast.agent-events", "http://127.0.0.1:8080", Map.of("k1", "AAAA"));
    }

    @Test
    void writes_owner_only_files_in_an_owner_only_directory_and_reads_them_back() throws IOException {
        Path state = dir.resolve("state");
        CredentialsFile file = new CredentialsFile(state);

        assertThat(file.read()).isEmpty();
        file.write(credentials());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(file.read()).contains(credentials());
        try (var files = Files.list(state)) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void refuses_a_credentials_file_others_may_read_and_says_how_to_fix_it() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        file.write(credentials());
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(file::read)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("may be read by other users")
                .hasMessageContaining("chmod 600 " + file.path());

        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(file::read).isInstanceOf(CredentialsException.class);
    }

    @Test
    void a_corrupt_file_is_refused_with_a_way_out() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        PrivateFiles.writeAtomically(file.path(), "{not json".getBytes());

        assertThatThrownBy(file::read)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("new enrollment token");
    }

    @Test
    void machine_id_comes_from_config_then_system_file_then_a_kept_generated_one() throws IOException {
        Path system = dir.resolve("machine-id");
        Path state = dir.resolve("state");

        assertThat(MachineIds.resolve("configured-01", system, state)).isEqualTo("configured-01");
        Files.writeString(system, "0123456789abcdef0123456789abcdef\n");
        assertThat(MachineIds.resolve(null, system, state)).isEqualTo("0123456789abcdef0123456789abcdef");

        Files.delete(system);
        String generated = MachineIds.resolve(null, system, state);
        assertThat(generated).matches("[A-Za-z0-9-]{8,128}");
        assertThat(MachineIds.resolve(null, system, state)).isEqualTo(generated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("machine-id"))))
                .isEqualTo("rw-------");
    }
}
