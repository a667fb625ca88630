package dev.finflow.bench;

/**
 * The bearer token every benchmark request carries: a client-credentials token the scripts obtain from the
 * auth-server they start (deploy/bench/auth.sh) and pass in {@code FINFLOW_TOKEN}.
 */
final class BenchAuth {

    private BenchAuth() {
    }

    /** The {@code Authorization} header value. */
    static String header() {
        String token = System.getenv("FINFLOW_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("FINFLOW_TOKEN is not set: run the benchmark through its script in "
                    + "deploy/bench, which obtains a client-credentials token");
        }
        return "Bearer " + token;
    }
}
