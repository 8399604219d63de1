package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.jcraft.jsch.JSch;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JSch creates its ciphers, key exchanges and signatures by class name, which a native image allows only for classes
 * registered for reflection. The registration (META-INF/native-image/.../reflect-config.json) must name every
 * class JSch's configuration names, so a JSch upgrade that adds one fails here instead of in a native executable.
 */
class JschNativeImageConfigTest {

    private static final String CONFIG = "/META-INF/native-image/io.drsuite/cluster-client/reflect-config.json";
    private static final Pattern NAME = Pattern.compile("\"name\": \"(com\\.jcraft\\.jsch\\.[^\"]+)\"");

    @Test
    void registersEveryClassJschCreatesByName() throws Exception {
        assertEquals(classesJschNames(), registeredClasses());
    }

    @Test
    void everyRegisteredClassCanBeCreatedAsJschCreatesIt() throws Exception {
        for (String name : registeredClasses()) {
            Class<?> type = Class.forName(name);
            assertFalse(Modifier.isAbstract(type.getModifiers()), name);
            assertNotNull(type.getDeclaredConstructor(), name);
        }
    }

    private static Set<String> registeredClasses() throws IOException {
        try (InputStream in = JschNativeImageConfigTest.class.getResourceAsStream(CONFIG)) {
            Matcher names = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> registered = new TreeSet<>();
            while (names.find()) {
                registered.add(names.group(1));
            }
            return registered;
        }
    }

    /** The configured values that name a class of JSch's that exists (some name optional providers). */
    private static Set<String> classesJschNames() throws ReflectiveOperationException {
        Field field = JSch.class.getDeclaredField("config");
        field.setAccessible(true);
        Set<String> names = new TreeSet<>();
        for (Object value : ((Map<?, ?>) field.get(null)).values()) {
            String name = value.toString();
            if (name.startsWith("com.jcraft.jsch.") && exists(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
