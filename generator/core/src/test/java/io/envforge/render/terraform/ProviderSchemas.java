package io.envforge.render.terraform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The provider schemas of {@code shared/schemas/terraform/} ({@code terraform providers schema -json} of aws 6.19.0
 * and azurerm 4.51.0), read once per JVM. Only the provider's own entry is kept.
 */
final class ProviderSchemas {

    /** Provider local name → schema file. */
    static final Map<String, String> FILES = Map.of(
            "aws", "aws-6.19.0.providers-schema.json",
            "azurerm", "azurerm-4.51.0.providers-schema.json");

    private static final Map<String, JsonNode> SCHEMAS = Map.of(
            "aws", load(FILES.get("aws")),
            "azurerm", load(FILES.get("azurerm")));

    private ProviderSchemas() {}

    /** The provider owning a resource type by Terraform's rule: the type's prefix up to the first underscore. */
    static String providerOf(String type) {
        int underscore = type.indexOf('_');
        return underscore < 0 ? type : type.substring(0, underscore);
    }

    static boolean knows(String provider) {
        return SCHEMAS.containsKey(provider);
    }

    /**
     * The {@code block} schema of a resource, data source or ephemeral resource type.
     *
     * @param kind {@code resource_schemas}, {@code data_source_schemas} or {@code ephemeral_resource_schemas}
     */
    static Optional<JsonNode> block(String kind, String type) {
        JsonNode provider = SCHEMAS.get(providerOf(type));
        if (provider == null) {
            return Optional.empty();
        }
        JsonNode schema = provider.path(kind).path(type).path("block");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The provider configuration block's schema. */
    static JsonNode providerBlock(String provider) {
        return SCHEMAS.get(provider).path("provider").path("block");
    }

    private static JsonNode load(String file) {
        Path path = TestWorkspace.SCHEMAS.resolve("terraform").resolve(file);
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser parser = mapper.getFactory().createParser(path.toFile())) {
            // {"format_version": ..., "provider_schemas": {"registry.terraform.io/hashicorp/aws": {...}}}
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "provider_schemas".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.nextToken();
                    parser.nextToken();
                    return mapper.readTree(parser);
                }
            }
            throw new IllegalStateException(path + " has no provider_schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
