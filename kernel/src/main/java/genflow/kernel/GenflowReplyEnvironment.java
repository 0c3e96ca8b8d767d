package genflow.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reply environment of one request. Adds to the protocol library's: a count of the IOPub messages
 * published for the request (sent in the execute reply's metadata so a client can tell that nothing
 * was lost), a hook that flushes the cell's buffered output before anything else is published (so
 * output keeps its order), a direct send for the output threads (never deferred), and robust stdin.
 */
final class GenflowReplyEnvironment extends ShellReplyEnvironment implements CellOutput.Target {
    private final GenflowConnection connection;
    private final AtomicInteger published = new AtomicInteger();
    private volatile boolean replied;
    private volatile Runnable beforePublish;

    GenflowReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context, GenflowConnection connection) {
        super(shell, stdin, iopub, context);
        this.connection = connection;
    }

    @Override
    public void beforePublish(Runnable hook) {
        this.beforePublish = hook;
    }

    @Override
    public void publish(Message<?> msg) {
        Runnable hook = beforePublish;
        if (hook != null) hook.run();
        published.incrementAndGet();
        super.publish(msg);
    }

    /** Sends on IOPub now (from an output thread): never deferred, counted. */
    @Override
    public void publishNow(Message<?> msg) {
        published.incrementAndGet();
        getIopub().sendMessage(msg);
    }

    /** IOPub messages published for this request so far (including a deferred final "idle"). */
    int publishedCount() {
        return published.get();
    }

    @Override
    public void reply(Message<?> msg) {
        replied = true;
        super.reply(msg);
    }

    boolean hasReplied() {
        return replied;
    }

    @Override
    public String readFromStdIn(String prompt, boolean isPassword) {
        Runnable flush = beforePublish;
        if (flush != null) flush.run();   // a prompt printed with System.out.print shows before the input box
        return connection.readInput(getContext(), prompt, isPassword);
    }
}
