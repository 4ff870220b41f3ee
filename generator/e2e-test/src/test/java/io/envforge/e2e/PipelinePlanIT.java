package io.envforge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.TestWorkspace;
import io.envforge.git.GitPublisher;
import io.envforge.pipeline.Scratch;
import io.envforge.pipeline.deploy.DeployPipeline;
import io.envforge.pipeline.deploy.PipelineSettings;
import io.envforge.pipeline.deploy.ProcessToolRunner;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envforge pipeline plan} of a new AWS environment with the real OpenTofu and the real aws provider (built by
 * tools/tofu/build.sh): the generated stage 1 root is initialised with its own S3 backend and planned, both pointed at
 * moto on 127.0.0.1 through an override file (Terraform override files replace the backend and merge into the
 * provider block, as tools/tofu/e2e.sh does); the comment is built from the real {@code show -json}.
 */
class PipelinePlanIT {

    /** The aws provider's endpoints the stage 1 root's resources and data sources call, all to moto. */
    private static final List<String> ENDPOINTS = List.of(
            "ec2", "efs", "eks", "elbv2", "iam", "kms", "logs", "rds", "route53", "s3", "secretsmanager", "sts");

    @Test
    void planOfANewAwsEnvironmentWithRealTofuAndItsS3BackendOnMoto(@TempDir Path temp) throws Exception {
        Path tofu = Components.HOME.resolve("bin/tofu");
        Path moto = Components.HOME.resolve("moto-venv/bin/moto_server");
        assertTrue(Files.isExecutable(tofu) && Files.isExecutable(moto), "run tools/tofu/build.sh first");
        Scratch ws = Scratch.in(temp.resolve("ws"));
        copyTree(TestWorkspace.REPO.resolve("terraform/modules"), ws.root().resolve("terraform/modules"));
        ws.commitAll("modules");
        String base = new GitPublisher(ws.root()).head().orElseThrow();
        ws.spec("dev2", "aws", "10.20.16.0/20", "");
        ws.generate(false, "dev2");
        ws.commitAll("dev2");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        // moto_server -H/-p (moto/server.py); MOTO_ACCOUNT_ID: the account STS answers (the roots' allowed_account_ids)
        ProcessBuilder pb = new ProcessBuilder(moto.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("moto.log").toFile());
        pb.environment().put("MOTO_ACCOUNT_ID", "123456789012");
        Process server = pb.start();
        try {
            awaitMoto(url);
            boto(
                    temp,
                    url,
                    "c.create_bucket(Bucket='acme-envforge-terraform-state',"
                            + " CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})");
            Files.writeString(ws.root().resolve("terraform/environments/dev2/moto_override.tf"), override(url));

            Path work = temp.resolve("work");
            Map<String, String> env = Map.of(
                    "PATH",
                    System.getenv("PATH"),
                    "HOME",
                    temp.toString(),
                    "TF_CLI_CONFIG_FILE",
                    Components.HOME.resolve("tofurc").toString(),
                    "AWS_ACCESS_KEY_ID",
                    "test",
                    "AWS_SECRET_ACCESS_KEY",
                    "test",
                    "CHECKPOINT_DISABLE",
                    "1",
                    "ENVFORGE_GIT_TOKEN",
                    "not-used-before-stage-1");
            List<String> printed = new ArrayList<>();
            DeployPipeline.Outcome plan = new DeployPipeline(
                            new ProcessToolRunner(Map.of("terraform", tofu.toString()), env),
                            new PipelineSettings(
                                    ws.root(),
                                    work,
                                    1,
                                    Duration.ofMinutes(2),
                                    Duration.ofSeconds(1),
                                    Duration.ofSeconds(1),
                                    List.of(443),
                                    false,
                                    env),
                            printed::add)
                    .plan(base);

            String md = plan.markdown();
            assertEquals(List.of(), plan.failures(), md + "\n" + tail(work.resolve("dev2/plan.log")));
            Matcher m = Pattern.compile("\\| stage 1 \\| `terraform/environments/dev2/` \\| (\\d+) \\| 0 \\| 0 \\|")
                    .matcher(md);
            assertTrue(m.find(), md);
            int added = Integer.parseInt(m.group(1));
            assertTrue(added > 50, md);
            for (String address : List.of(
                    "+ module.database.aws_db_instance.this",
                    "+ module.cluster.aws_eks_cluster",
                    "+ module.network.aws_vpc.this")) {
                assertTrue(md.contains(address), address + " in\n" + md);
            }
            assertTrue(
                    md.contains("| stage 2 | `terraform/environments/dev2/cluster-addons/` | planned after stage 1"),
                    md);
            System.out.println("PipelinePlanIT: " + m.group(0) + " (real tofu show -json, S3 backend on moto)");
            Tally.add("pipeline plan resources (tofu, moto)", added);

            // the root honours decommission: deletion protection off only with it, the final snapshot kept either way
            Path root = ws.root().resolve("terraform/environments/dev2");
            for (boolean decommission : List.of(false, true)) {
                JsonNode db = plannedDatabase(tofu, root, env, temp, decommission);
                assertEquals(!decommission, db.path("deletion_protection").asBoolean(), db.toString());
                assertEquals(false, db.path("skip_final_snapshot").asBoolean(), db.toString());
                assertEquals(
                        "envforge-dev2-db-final",
                        db.path("final_snapshot_identifier").asText(),
                        db.toString());
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** {@code tofu plan [-var decommission=true]} of the root, then the DB instance's planned arguments. */
    private static JsonNode plannedDatabase(
            Path tofu, Path root, Map<String, String> env, Path temp, boolean decommission) throws Exception {
        Path plan = temp.resolve("db-" + decommission + ".tfplan");
        List<String> args =
                new ArrayList<>(List.of(tofu.toString(), "plan", "-input=false", "-lock=false", "-out=" + plan));
        if (decommission) {
            args.addAll(List.of("-var", "decommission=true"));
        }
        runTofu(args, root, env, temp.resolve("db-plan.log"));
        Path json = temp.resolve("db-" + decommission + ".json");
        runTofu(List.of(tofu.toString(), "show", "-json", plan.toString()), root, env, json);
        for (JsonNode rc : new ObjectMapper().readTree(json.toFile()).path("resource_changes")) {
            if (rc.path("address").asText().equals("module.database.aws_db_instance.this")) {
                return rc.path("change").path("after");
            }
        }
        throw new AssertionError("no module.database.aws_db_instance.this in the plan");
    }

    private static void runTofu(List<String> args, Path dir, Map<String, String> env, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(args)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        out.resolveSibling("tofu-stderr.log").toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        assertEquals(0, pb.start().waitFor(), String.join(" ", args) + ": " + Files.readString(out));
    }

    private static String override(String url) {
        StringBuilder endpoints = new StringBuilder();
        ENDPOINTS.forEach(e ->
                endpoints.append("    ").append(e).append(" = \"").append(url).append("\"\n"));
        // OpenTofu's s3 backend arguments (endpoints, use_path_style, skip_*), as tools/tofu/e2e.sh passes them
        return "terraform {\n  backend \"s3\" {\n    bucket = \"acme-envforge-terraform-state\"\n"
                + "    key = \"envforge/dev2/terraform.tfstate\"\n    region = \"eu-west-1\"\n    use_lockfile = true\n"
                + "    endpoints = { s3 = \"" + url + "\", sts = \"" + url + "\", iam = \"" + url + "\" }\n"
                + "    use_path_style = true\n    access_key = \"test\"\n    secret_key = \"test\"\n"
                + "    skip_credentials_validation = true\n    skip_requesting_account_id = true\n"
                + "    skip_metadata_api_check = true\n    skip_region_validation = true\n  }\n}\n\n"
                + "provider \"aws\" {\n  access_key = \"test\"\n  secret_key = \"test\"\n"
                + "  skip_credentials_validation = true\n  skip_metadata_api_check = true\n"
                + "  s3_use_path_style = true\n\n  endpoints {\n" + endpoints + "  }\n}\n";
    }

    private static void awaitMoto(String url) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create(url + "/moto-api/").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("moto_server did not answer on " + url);
    }

    private static void boto(Path temp, String url, String code) throws Exception {
        Path python = Components.HOME.resolve("moto-venv/bin/python");
        Process p = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        "import boto3; c = boto3.client('s3', endpoint_url='"
                                + url
                                + "', region_name='eu-west-1', aws_access_key_id='test', aws_secret_access_key='test'); "
                                + code)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("boto.log").toFile())
                .start();
        assertEquals(0, p.waitFor(), Files.readString(temp.resolve("boto.log")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
