package io.drsuite.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks {@link NetworkHost} by its form only: no name is resolved while validating input.
 */
public class NetworkHostValidator implements ConstraintValidator<NetworkHost, String> {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.indexOf(':') >= 0) {
            return isIpv6(value);
        }
        if (value.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return IPV4.matcher(value).matches();
        }
        return HOST_NAME.matcher(value).matches();
    }

    /** A string with a colon is parsed as an IPv6 literal by the JDK, never looked up in DNS. */
    private static boolean isIpv6(String value) {
        if (!IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(value) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
