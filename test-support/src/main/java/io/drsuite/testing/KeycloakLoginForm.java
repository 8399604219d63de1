package io.drsuite.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's login form on a page it served: where the browser posts the user name and password. */
final class KeycloakLoginForm {

    private static final Pattern FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private KeycloakLoginForm() {
    }

    /** The form's action, unescaped from the page's HTML (possibly relative); empty when the page has no login form. */
    static Optional<String> action(String html) {
        Matcher form = FORM.matcher(html);
        return form.find() ? Optional.of(form.group(1).replace("&amp;", "&")) : Optional.empty();
    }
}
