package genflow.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Batching and live progress lines of the cells' output, without sockets. */
class CellOutputTest {
    /** Records what a cell would publish on IOPub. */
    static final class Recorder implements CellOutput.Target {
        final List<Message<?>> sent = Collections.synchronizedList(new ArrayList<>());

        @Override public void publishNow(Message<?> m) { sent.add(m); }

        @Override public MessageContext getContext() { return null; }

        List<String> events() {
            synchronized (sent) {
                return sent.stream().map(Recorder::describe).collect(Collectors.toList());
            }
        }

        String streamText() {
            synchronized (sent) {
                return sent.stream().filter(m -> m.getContent() instanceof PublishStream)
                        .map(m -> ((PublishStream) m.getContent()).getText()).collect(Collectors.joining());
            }
        }

        static String describe(Message<?> m) {
            Object c = m.getContent();
            if (c instanceof PublishStream ps) return "stream:" + ps.getText();
            DisplayData d = (DisplayData) c;
            return m.getHeader().getType().getName() + ":" + d.getData(MIMEType.TEXT_PLAIN) + "@" + d.getDisplayId();
        }
    }

    @Test
    void aLiveStatusIsADisplayThatTheFinalLineEmpties() {
        CellOutput output = new CellOutput();
        Recorder r = new Recorder();
        output.beginCell(r);
        PrintStream out = output.out();
        out.print("\rstep 1  loss 0.52");
        output.flushNow();
        out.print("\rstep 2  loss 0.40\rstep 3  loss 0.31");   // step 2 is superseded within one batch: never sent
        output.flushNow();
        out.print("\rtrained 3 steps, final loss 0.31\n");
        output.flushNow();
        out.print("\rsampling 10%");
        output.flushNow();
        out.println("done");
        output.endCell();

        List<String> e = r.events();
        assertEquals(7, e.size(), e.toString());
        String id1 = e.get(0).substring(e.get(0).indexOf('@') + 1);
        String id2 = e.get(4).substring(e.get(4).indexOf('@') + 1);
        assertEquals("display_data:step 1  loss 0.52@" + id1, e.get(0));
        assertEquals("update_display_data:step 3  loss 0.31@" + id1, e.get(1));
        assertEquals("update_display_data:@" + id1, e.get(2), "the final line empties the live display");
        assertEquals("stream:trained 3 steps, final loss 0.31\n", e.get(3), "the final line is stored without \\r");
        assertEquals("display_data:sampling 10%@" + id2, e.get(4), "a new progress gets a new display");
        assertNotEquals(id1, id2);
        assertEquals("update_display_data:@" + id2, e.get(5), "an ordinary line also ends the live status");
        assertEquals("stream:done\n", e.get(6));
        assertFalse(r.streamText().contains("step 1") || r.streamText().contains("loss 0.52"), "a status never becomes stream output");
    }

    @Test
    void aMillionLinesArriveWholeInFewMessages() {
        CellOutput output = new CellOutput();
        Recorder r = new Recorder();
        output.beginCell(r);
        PrintStream out = output.out();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            out.println(i);
            expected.append(i).append('\n');
        }
        output.endCell();
        assertEquals(expected.toString(), r.streamText());
        int messages = r.sent.size();
        // 6.9 MB in batches of about 8 KiB: about 850 messages (plus a few time-triggered ones), not a million
        assertTrue(messages >= 800 && messages < 3000, "messages: " + messages);
    }

    @Test
    void outputBeyondTheLimitIsCountedAndNoted() {
        CellOutput output = new CellOutput(1000);
        Recorder r = new Recorder();
        output.beginCell(r);
        for (int i = 0; i < 1000; i++) output.err().println("line " + i);
        output.endCell();
        String text = r.streamText();
        assertTrue(text.startsWith("line 0\nline 1\n"), text.substring(0, 40));
        assertTrue(text.contains("[output truncated: "), text.substring(Math.max(0, text.length() - 300)));
        assertTrue(text.contains(" lines) of stderr were not shown"), text.substring(Math.max(0, text.length() - 300)));
        assertTrue(text.length() < 1300, "about 1000 characters shown plus the note: " + text.length());
    }

    @Test
    void multiByteCharactersAreNeverSplit() {
        CellOutput output = new CellOutput();
        Recorder r = new Recorder();
        output.beginCell(r);
        PrintStream out = output.out();
        out.write(0xE2);            // first two bytes of "→" (E2 86 92)
        out.write(0x86);
        output.flushNow();
        out.write(0x92);
        out.print(" σ²\n");
        output.endCell();
        assertEquals("→ σ²\n", r.streamText());
    }

    @Test
    void outputWaitingLongerThan50msIsSentWithoutAFlush() throws InterruptedException {
        CellOutput output = new CellOutput();
        Recorder r = new Recorder();
        output.beginCell(r);
        output.out().print("partial line");
        long end = System.nanoTime() + 2_000_000_000L;
        while (r.sent.isEmpty() && System.nanoTime() < end) Thread.sleep(5);
        assertEquals("partial line", r.streamText());
    }
}
