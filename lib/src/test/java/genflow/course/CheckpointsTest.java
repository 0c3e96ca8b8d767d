package genflow.course;

import genflow.dist.ToyData;
import genflow.loss.ConditionalFlowMatching;
import genflow.nn.Classifier;
import genflow.nn.Mlp;
import genflow.nn.RqSpline;
import genflow.nn.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointsTest {
    private static final List<Integer> calls = new ArrayList<>();

    private static Checkpoints.Parts recipe(int steps) {
        calls.add(steps);
        Mlp m = Mlp.builder(2).hidden(8, 8).seed(3).build();
        Trainer.builder(ConditionalFlowMatching.independent(m)).data(ToyData.eightGaussians()).steps(steps)
                .batchSize(32).seed(5).progressEvery(0).build().run();
        return Checkpoints.Parts.of("net", m, "noise", RqSpline.identity(2, 4, 3));
    }

    @Test
    void trainModeWritesPartsAndARecordAndCheckpointModeLoadsThemBack(@TempDir Path dir) throws Exception {
        calls.clear();
        Checkpoints.Parts trained = Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, CheckpointsTest::recipe, dir, null, List.of());
        assertEquals(List.of(40), calls, "./course train runs the full recipe");
        assertTrue(Files.exists(dir.resolve("04-test-model.net")) && Files.exists(dir.resolve("04-test-model.noise")));
        List<String> record = Files.readAllLines(dir.resolve("04-test-model.record"));
        assertEquals("id 04-test-model", record.get(0));
        assertEquals("steps 40", record.get(1));
        assertTrue(record.get(2).startsWith("seconds "), record.toString());
        assertEquals(List.of("file 04-test-model.net", "file 04-test-model.noise"), record.subList(3, 5));

        calls.clear();
        Checkpoints.Parts loaded = Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, CheckpointsTest::recipe, null, dir, List.of());
        assertEquals(List.of(), calls, "loading trains nothing");
        assertArrayEquals(trained.mlp("net").parameters(), loaded.mlp("net").parameters());
        assertEquals(List.of("net", "noise"), loaded.names());
        assertThrows(IllegalArgumentException.class, () -> loaded.spline("net"), "a part has one kind");

        calls.clear();
        Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, CheckpointsTest::recipe, null, dir, List.of("04-test-model"));
        assertEquals(List.of(40), calls, "verification retrains the full recipe and compares the bytes");
    }

    @Test
    void verificationKeepsWhatTheRecipePrintsOutOfSystemOut(@TempDir Path dir) {
        Checkpoints.Recipe<Checkpoints.Parts> printing = steps -> {
            System.out.println("training " + steps + " steps");
            return recipe(steps);
        };
        Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, printing, dir, null, List.of());
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream cell = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(cell, true));
        try {
            Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, printing, null, dir, List.of("04-test-model"));
            assertEquals("", cell.toString(), "a verified checkpoint's cell prints what loading prints (nothing here)");
            Checkpoints.get("04-test-model", Checkpoints.Run.SHORT, 5, 40, printing, null, dir, List.of());
            assertEquals("training 5 steps" + System.lineSeparator(), cell.toString(), "a SHORT run prints into the cell");
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void aDifferentRecipeFailsVerificationAndShortOrFullRunsTrainHere(@TempDir Path dir) {
        Checkpoints.get("04-test-model", Checkpoints.Run.CHECKPOINT, 5, 40, CheckpointsTest::recipe, dir, null, List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Checkpoints.get("04-test-model",
                Checkpoints.Run.CHECKPOINT, 5, 41, CheckpointsTest::recipe, null, dir, List.of("04-test-model")));
        assertTrue(e.getMessage().contains("not reproducible"), e.getMessage());
        calls.clear();
        Checkpoints.get("04-test-model", Checkpoints.Run.SHORT, 5, 40, CheckpointsTest::recipe, null, dir, List.of());
        Checkpoints.get("04-test-model", Checkpoints.Run.FULL, 5, 40, CheckpointsTest::recipe, null, dir, List.of());
        assertEquals(List.of(5, 40), calls);
    }

    @Test
    void missingCheckpointsAndBadArgumentsAreExplained(@TempDir Path dir) {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Checkpoints.get("07-nothing",
                Checkpoints.Run.CHECKPOINT, 5, 40, CheckpointsTest::recipe, null, dir, List.of()));
        assertTrue(missing.getMessage().contains("./course train 07") && missing.getMessage().contains("Run.SHORT"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.get("bad id", Checkpoints.Run.SHORT, 5, 40, CheckpointsTest::recipe, null, dir, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.get("04-x", Checkpoints.Run.SHORT, 50, 40, CheckpointsTest::recipe, null, dir, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.Parts.of("net", "not a model"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.report("04-x", "a,b", 1));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.report("04-x", "w2", Double.NaN));
    }

    @Test
    void aClassifierIsACheckpointPart(@TempDir Path dir) {
        Classifier c = Classifier.builder(3, 2).hidden(4).seed(7).build();
        Checkpoints.get("09-test-classifier", Checkpoints.Run.CHECKPOINT, 1, 1, steps -> Checkpoints.Parts.of("cls", c), dir, null, List.of());
        assertTrue(Files.exists(dir.resolve("09-test-classifier.cls")));
        Checkpoints.Parts loaded = Checkpoints.get("09-test-classifier", Checkpoints.Run.CHECKPOINT, 1, 1,
                steps -> { throw new AssertionError("loading must not train"); }, null, dir, List.of());
        assertArrayEquals(c.parameters(), loaded.classifier("cls").parameters());
        assertThrows(IllegalArgumentException.class, () -> loaded.mlp("cls"));
    }
}
