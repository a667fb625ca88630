package dev.finflow.query.dashboard.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's pages, each at a stable URL: one HTML shell for all of them, which the page's module
 * ({@code static/assets/dashboard.js}) fills from the same API every other client reads, signed in through the
 * browser's session (see {@code bff}). The shell holds no data, so it is open to anyone (signed out, it offers the
 * sign-in); Operations is for admins only and is refused here, before any script runs.
 */
@Controller
class DashboardPages {

    private static final Resource SHELL = new ClassPathResource("dashboard/index.html");

    @GetMapping({"/", "/portfolio/{accountId}", "/transactions/{accountId}", "/balances/{accountId}", "/instruments",
            "/instruments/{symbol}", "/quality", "/models", "/operations"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(SHELL);
    }
}
