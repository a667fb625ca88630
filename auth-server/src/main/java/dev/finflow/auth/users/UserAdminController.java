package dev.finflow.auth.users;

import dev.finflow.events.identity.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User management for admins (a token with the {@code admin} role): create a user, disable one, reset a
 * password. A generated password is answered once and never stored in the clear. Bad input is a problem detail
 * naming the rule, and writes nothing. Each change is recorded in the event store with the admin's token subject
 * as its principal.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserAdminController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    record CreateUser(String username, List<String> roles) {
    }

    record UserCreated(String id, String username, List<String> roles, String password) {
    }

    record PasswordReset(String id, String password) {
    }

    private static final class Refused extends RuntimeException {
        private final String rule;
        private final HttpStatus status;

        Refused(String rule, HttpStatus status, String detail) {
            super(detail, null, false, false);
            this.rule = rule;
            this.status = status;
        }
    }

    private final UserAccounts users;
    private final SecureRandom random = new SecureRandom();

    UserAdminController(UserAccounts users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserCreated> create(@RequestBody CreateUser request, Authentication admin) {
        if (request == null || request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw new Refused("invalid-username", HttpStatus.BAD_REQUEST,
                    "username must be 3 to 64 of lower-case letters, digits and ._-");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : request.roles() == null ? List.<String>of() : request.roles()) {
            roles.add(Role.fromClaim(name).orElseThrow(() -> new Refused("unknown-role", HttpStatus.BAD_REQUEST,
                    "no role named '" + name + "'")));
        }
        String password = password();
        FinflowUser user;
        try {
            user = users.create(request.username(), password, roles, admin.getName());
        } catch (DuplicateKeyException taken) {
            throw new Refused("username-taken", HttpStatus.CONFLICT, "the username is taken");
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(new UserCreated(user.id(),
                user.username(), user.roles().stream().map(Role::claimValue).toList(), password));
    }

    @PostMapping("/{id}/disable")
    ResponseEntity<Void> disable(@PathVariable String id, Authentication admin) {
        if (!users.disable(id, admin.getName())) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password")
    PasswordReset resetPassword(@PathVariable String id, Authentication admin) {
        String password = password();
        if (!users.resetPassword(id, password, admin.getName())) {
            throw notFound();
        }
        return new PasswordReset(id, password);
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status, refused.getMessage());
        problem.setType(URI.create("https://finflow.dev/problems/" + refused.rule));
        problem.setTitle(refused.rule);
        problem.setProperty("rule", refused.rule);
        return problem;
    }

    private static Refused notFound() {
        return new Refused("user-not-found", HttpStatus.NOT_FOUND, "no such user");
    }

    private String password() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
