package io.envforge.spec;

import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JSON Schema {@code pattern}s with ECMA-262 anchors on the JDK's regex engine. JSON Schema says patterns are ECMA-262
 * regular expressions (json-schema.org draft-07 validation, section 4.3), where {@code $} without the multiline flag
 * matches only at the end of the input. The JDK's {@code $} also matches before a final line break, so
 * {@code "eu-west-1\n"} passed {@code ^[a-z0-9-]+$}; here each {@code $} outside a character class is compiled as
 * {@code \z}. Like the validator's own JDK engine, a pattern may match anywhere unless anchored.
 */
public final class EcmaPatterns implements RegularExpressionFactory {

    public static final EcmaPatterns INSTANCE = new EcmaPatterns();

    private EcmaPatterns() {}

    /**
     * The settings {@code JsonSchemaFactory.getSchema} uses when given none (its {@code createSchemaValidatorsConfig}
     * calls this constructor: legacy {@code $.a.b} paths among others), with these patterns.
     */
    @SuppressWarnings("deprecation")
    public static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder(new SchemaValidatorsConfig())
                .regularExpressionFactory(INSTANCE)
                .build();
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(endAnchored(regex));
        return value -> pattern.matcher(value).find();
    }

    /** {@code regex} with every unescaped {@code $} outside {@code [...]} replaced by {@code \z}. */
    static String endAnchored(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
