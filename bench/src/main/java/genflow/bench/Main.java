package genflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code ./course bench [name ...]}: runs the named benchmark blocks (all when none
 * is named) in one JVM and prints each block's figures side by side with their ratios.
 */
public final class Main {
    private Main() {}

    /** The benchmark blocks, in the order they run. Each block prints its own configuration. */
    static Map<String, Runnable> blocks() {
        Map<String, Runnable> m = new LinkedHashMap<>();
        // Blocks are registered here, e.g. m.put("kac", () -> KacBench.run());
        m.put("kac", KacBench::run);
        m.put("train", TrainBench::run);
        m.put("quality-train", QualityBench::run);   // "quality" (./course bench quality) collects the lectures' quality gates
        return m;
    }

    public static void main(String[] args) {
        Map<String, Runnable> blocks = blocks();
        var names = args.length == 0 ? blocks.keySet().toArray(new String[0]) : args;
        for (String name : names) {
            Runnable r = blocks.get(name);
            if (r == null) {
                System.err.println("unknown benchmark '" + name + "'; known: " + blocks.keySet());
                System.exit(2);
            }
            System.out.println("== bench " + name);
            r.run();
        }
    }
}
