package genflow.dist;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DigitsSplitTest {
    @Test
    void everySixthRowIsHeldOutInFileOrder() {
        Digits d = Digits.loadDefault();
        DigitsSplit s = DigitsSplit.of(d);
        double[][] all = d.imagesSigned(), train = s.train(), held = s.heldOut();
        int[] labels = d.labels();
        assertEquals(1497, train.length);
        assertEquals(300, held.length);
        assertEquals(1497, s.trainLabels().length);
        for (int k = 0; k < 300; k++) {
            assertArrayEquals(all[6 * k], held[k]);
            assertEquals(labels[6 * k], s.heldOutLabels()[k]);
        }
        int a = 0;
        for (int i = 0; i < all.length; i++) {
            if (i % 6 == 0) continue;
            assertArrayEquals(all[i], train[a]);
            assertEquals(labels[i], s.trainLabels()[a++]);
        }
        int[] perClass = new int[10];
        for (int y : s.heldOutLabels()) perClass[y]++;
        // counted independently in data/digits.csv (awk over rows 0, 6, 12, …)
        assertArrayEquals(new int[]{32, 28, 25, 31, 30, 31, 31, 33, 28, 31}, perClass);
        assertTrue(DigitsSplit.isHeldOut(0) && DigitsSplit.isHeldOut(1794) && !DigitsSplit.isHeldOut(1796));
        assertThrows(IllegalArgumentException.class, () -> DigitsSplit.isHeldOut(-1));
        train[0][0] = 99;
        assertNotEquals(99, s.train()[0][0], "accessors return copies");
    }
}
