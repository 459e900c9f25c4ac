package io.branchcast.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigLoaderTest {

    @TempDir
    Path dir;

    private AgentConfig load(Map<String, String> env, Map<String, String> flags, String fileText) throws IOException {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, fileText);
        return new AgentConfigLoader(env, () -> "ws-0042.branch.example").load(file, flags);
    }

    @Test
    void defaults_apply_when_only_the_control_plane_is_set() throws IOException {
        AgentConfig config = load(Map.of(), Map.of(), "control-plane.url=http://127.0.0.1:8080/\n");

        assertThat(config.controlPlaneUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/branchcast-agent"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/branchcast-agent/payloads"));
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.bindsSpecificAddress()).isFalse();
        assertThat(config.peerPort()).isEqualTo(6881);
        assertThat(config.statusAddress()).isEqualTo("127.0.0.1");
        assertThat(config.statusPort()).isEqualTo(7666);
        assertThat(config.hostname()).isEqualTo("ws-0042.branch.example");
        assertThat(config.machineId()).isNull();
        assertThat(config.enrollmentToken()).isNull();
    }

    @Test
    void environment_overrides_the_file_and_flags_override_both() throws IOException {
        AgentConfig config = load(
                Map.of("BRANCHCAST_AGENT_PEER_PORT", "7000", "BRANCHCAST_AGENT_STATE_DIR", "/srv/env-state",
                        "BRANCHCAST_AGENT_CONTROL_PLANE_URL", "https://cp.example"),
                Map.of("peer.port", "7100"),
                "control-plane.url=http://file.example\npeer.port=6999\nstate.dir=/srv/file-state\n"
                        + "bind.address=127.0.0.7\nenrollment.token=bct_abc\nmachine.id=machine-0001\n");

        assertThat(config.controlPlaneUrl()).hasToString("https://cp.example");
        assertThat(config.peerPort()).isEqualTo(7100);
        assertThat(config.stateDir()).isEqualTo(Path.of("/srv/env-state"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/env-state/payloads"));
        assertThat(config.bindAddress()).isEqualTo("127.0.0.7");
        assertThat(config.bindsSpecificAddress()).isTrue();
        assertThat(config.enrollmentToken()).isEqualTo("bct_abc");
        assertThat(config.machineId()).isEqualTo("machine-0001");
    }

    @Test
    void the_control_plane_url_is_required() {
        assertThatThrownBy(() -> load(Map.of(), Map.of(), "peer.port=6881\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("control-plane.url is required")
                .hasMessageContaining("BRANCHCAST_AGENT_CONTROL_PLANE_URL");
    }

    @Test
    void refuses_a_status_endpoint_off_loopback_naming_the_source() {
        assertThatThrownBy(() -> load(Map.of("BRANCHCAST_AGENT_STATUS_ADDRESS", "0.0.0.0"), Map.of(),
                "control-plane.url=http://cp\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("status.address from environment variable BRANCHCAST_AGENT_STATUS_ADDRESS")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> load(Map.of(), Map.of("status.address", "10.1.2.3"),
                "control-plane.url=http://cp\n"))
                .hasMessageContaining("only listen on a loopback address");
    }

    @Test
    void accepts_any_loopback_status_address() throws IOException {
        assertThat(load(Map.of(), Map.of("status.address", "127.0.0.9"), "control-plane.url=http://cp\n")
                .statusAddress()).isEqualTo("127.0.0.9");
        assertThat(load(Map.of(), Map.of("status.address", "::1"), "control-plane.url=http://cp\n")
                .statusAddress()).isEqualTo("::1");
    }

    @Test
    void refuses_bad_values_with_the_key_and_what_is_expected() {
        String base = "control-plane.url=http://cp\n";
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "peer.port=70000\n"))
                .hasMessageContaining("peer.port from file").hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "status.port=abc\n"))
                .hasMessageContaining("status.port");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "state.dir=relative/dir\n"))
                .hasMessageContaining("state.dir").hasMessageContaining("absolute path");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "bind.address=my-host\n"))
                .hasMessageContaining("bind.address").hasMessageContaining("IP address");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "machine.id=short\n"))
                .hasMessageContaining("machine.id");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), base + "hostname=bad_host!\n"))
                .hasMessageContaining("hostname");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), "control-plane.url=ftp://cp\n"))
                .hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void refuses_unknown_keys_so_typos_do_not_fall_back_to_defaults() {
        assertThatThrownBy(() -> load(Map.of(), Map.of(), "control-plane.url=http://cp\npeer.prot=7000\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'peer.prot'");
        assertThatThrownBy(() -> load(Map.of(), Map.of("peer.prot", "1"), "control-plane.url=http://cp\n"))
                .hasMessageContaining("unknown setting --peer.prot");
    }

    @Test
    void a_config_file_given_explicitly_must_exist() {
        AgentConfigLoader loader = new AgentConfigLoader(Map.of(), () -> "host");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.properties"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }
}
