package dev.finflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options with defaults. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, String.valueOf(fallback)));
    }

    List<Integer> getInts(String name, String fallback) {
        return List.of(get(name, fallback).split(",")).stream().map(String::trim).map(Integer::valueOf).toList();
    }
}
