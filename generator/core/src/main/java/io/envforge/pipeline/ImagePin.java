package io.envforge.pipeline;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.registry.RegistryClient;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code envforge images pin}: each layer's base image tag in {@code environments/platform.yaml}
 * ({@code spec.defaults.layers.<layer>.image.repository:tag}) resolved to the manifest digest the registry serves for
 * it now (jib-core's registry client: a manifest GET, with the registry's bearer-token handshake), and written beside
 * the tag as {@code digest}. Only that line changes: the file's comments and order stay, and the result is parsed as a
 * platform spec before it replaces the file.
 */
public final class ImagePin {

    /** One pinned base: the layer key, the reference resolved and its digest. */
    public record Pinned(String layer, String reference, String digest) {}

    private static final List<String> LAYERS = List.of("api", "integration");
    private static final Pattern DIGEST = Pattern.compile("^sha256:[0-9a-f]{64}$");

    private ImagePin() {}

    /** Pins every layer's base; {@code insecure} allows a plain-HTTP registry (a test registry on 127.0.0.1). */
    public static List<Pinned> pin(Path workspace, boolean insecure) {
        PlatformSpec platform = SpecReader.readPlatform(workspace);
        String text = new String(platform.content(), StandardCharsets.UTF_8);
        List<Pinned> out = new ArrayList<>();
        for (String layer : LAYERS) {
            String at = "spec.defaults.layers." + layer + ".image";
            String repository = Images.string(platform.spec(), "defaults", "layers", layer, "image", "repository");
            String tag = Images.string(platform.spec(), "defaults", "layers", layer, "image", "tag");
            if (repository == null || tag == null) {
                throw new EnvforgeException(new Problem(
                        platform.file(),
                        at,
                        repository + ":" + tag,
                        "no repository and tag to pin",
                        "set repository: wso2/wso2am and tag: 4.3.0 there"));
            }
            String digest = resolve(platform.file(), at, repository + ":" + tag, insecure);
            text = PlatformText.setDigest(text, platform.file(), layer, digest);
            out.add(new Pinned(layer, repository + ":" + tag, digest));
        }
        PlatformSpec written = SpecReader.parsePlatform(text.getBytes(StandardCharsets.UTF_8));
        for (Pinned p : out) {
            String now = Images.string(written.spec(), "defaults", "layers", p.layer(), "image", "digest");
            if (!p.digest().equals(now)) {
                throw new IllegalStateException("digest of " + p.layer() + " not written: " + now);
            }
        }
        Path file = workspace.resolve(platform.file());
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".platform", ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + platform.file(), e);
        }
        return out;
    }

    /** The digest the registry gives for {@code reference} (repository:tag). */
    static String resolve(String file, String at, String reference, boolean insecure) {
        try {
            ImageReference ref = ImageReference.parse(reference);
            RegistryClient client = RegistryClient.factory(
                            EventHandlers.NONE,
                            ref.getRegistry(),
                            ref.getRepository(),
                            new FailoverHttpClient(insecure, false, event -> {}))
                    .setUserAgent("envforge")
                    .newRegistryClient();
            client.doPullBearerAuth();
            String digest = client.pullManifest(ref.getQualifier()).getDigest().toString();
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalStateException("registry gave \"" + digest + "\"");
            }
            return digest;
        } catch (InvalidImageReferenceException e) {
            throw new EnvforgeException(new Problem(
                    file, at, reference, "not an image reference", "for example wso2/wso2am and tag 4.3.0"));
        } catch (Exception e) {
            throw new EnvforgeException(new Problem(
                    file,
                    at,
                    reference,
                    "cannot resolve its digest: " + e.getMessage(),
                    "check the repository and tag, and that the registry is reachable"));
        }
    }
}
