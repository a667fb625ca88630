package dev.finflow.auth.signin;

import dev.finflow.auth.audit.IdentityEvents;
import dev.finflow.auth.audit.Origin;
import dev.finflow.auth.users.FinflowUser;
import dev.finflow.auth.users.UserAccounts;
import dev.finflow.events.identity.SignInFailedEvent;
import dev.finflow.events.identity.SignInFailure;
import dev.finflow.events.identity.SignInLockedOutEvent;
import dev.finflow.events.identity.UserSignedInEvent;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sign-in form does after each attempt: counts a wrong password towards the lock-out, clears the count
 * on success, and records each outcome in the event store (see {@link IdentityEvents}) with the client the
 * sign-in was for and the caller's network. A typed username is never recorded: a known one becomes the user's
 * opaque id, an unknown one nothing at all.
 */
@Component
public class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);

    private final SignInThrottle throttle;
    private final UserAccounts users;
    private final IdentityEvents events;
    private final RequestCache savedRequests = new HttpSessionRequestCache();
    private final AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

    SignInOutcomes(SignInThrottle throttle, UserAccounts users, IdentityEvents events) {
        this.throttle = throttle;
        this.users = users;
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException,
            ServletException {
        throttle.succeeded(request.getParameter("username"));
        String userId = authentication.getName();
        events.record(IdentityEvents.userStream(userId), userId,
                new UserSignedInEvent(userId, clientId(request, response), Origin.network(request.getRemoteAddr())));
        log.info("sign-in: user {}", userId);
        success.onAuthenticationSuccess(request, response, authentication);
    }

    /** A failed sign-in has no principal: nobody proved who they are. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException,
            ServletException {
        String username = request.getParameter("username");
        Optional<Instant> lockedUntil = exception instanceof BadCredentialsException ? throttle.failed(username)
                : Optional.empty();
        String userId = users.byUsername(username).map(FinflowUser::id).orElse(null);
        String clientId = clientId(request, response);
        String origin = Origin.network(request.getRemoteAddr());
        List<Object> outcome = new ArrayList<>();
        outcome.add(new SignInFailedEvent(userId, reason(exception, userId), clientId, origin));
        lockedUntil.ifPresent(until -> outcome.add(new SignInLockedOutEvent(userId, until, clientId, origin)));
        events.record(userId == null ? IdentityEvents.anonymousSignInStream() : IdentityEvents.userStream(userId),
                null, outcome.toArray());
        log.info("failed sign-in ({})", exception.getClass().getSimpleName());
        failure.onAuthenticationFailure(request, response, exception);
    }

    private static SignInFailure reason(AuthenticationException exception, String userId) {
        if (userId == null) {
            return SignInFailure.UNKNOWN_USER;
        }
        if (exception instanceof LockedException) {
            return SignInFailure.LOCKED_OUT;
        }
        return exception instanceof DisabledException ? SignInFailure.DISABLED : SignInFailure.BAD_PASSWORD;
    }

    /** The OAuth2 client whose authorization request sent the browser here; null when the form was opened directly. */
    private String clientId(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        String[] clientIds = saved == null ? null : saved.getParameterValues("client_id");
        return clientIds == null || clientIds.length == 0 ? null : clientIds[0];
    }
}
