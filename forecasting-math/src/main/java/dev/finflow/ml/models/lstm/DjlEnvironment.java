package dev.finflow.ml.models.lstm;

/**
 * DJL reads these before it loads PyTorch: offline (never download a native library: it ships in the jar),
 * where to unpack it, and one thread each, because a parallel reduction sums in an order that varies between
 * runs and so would break "same seed, same forecasts". Settings made on the command line win.
 */
final class DjlEnvironment {

    private DjlEnvironment() {
    }

    static synchronized void prepare(String cacheDir) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir);
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
