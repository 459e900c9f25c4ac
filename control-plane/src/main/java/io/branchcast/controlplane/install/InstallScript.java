package io.branchcast.controlplane.install;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * InstallScript is the one-line installer (classpath {@code install/install.sh}) with this control plane's public URL
 * in place of every {@code @CONTROL_PLANE_URL@}. The URL lands in shell code, so only a plain http(s) URL is used.
 */
@ApplicationScoped
public class InstallScript {

    static final String TEMPLATE = "install/install.sh";
    static final String PLACEHOLDER = "@CONTROL_PLANE_URL@";
    private static final Pattern PLAIN_URL = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/\\-]*)?");

    @ConfigProperty(name = "branchcast.public-url")
    String publicUrl;

    private volatile String rendered;

    public String render() {
        String script = rendered;
        if (script == null) {
            script = template().replace(PLACEHOLDER, baseUrl());
            rendered = script;
        }
        return script;
    }

    private String baseUrl() {
        String url = publicUrl.strip().replaceAll("/+$", "");
        if (!PLAIN_URL.matcher(url).matches()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "branchcast.public-url is not a plain http(s) URL, so no install "
                    + "script is served; fix the control plane's configuration");
        }
        return url;
    }

    private static String template() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the control plane was built without " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
