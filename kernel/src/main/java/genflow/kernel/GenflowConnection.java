package genflow.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel's sockets with loops that cannot be killed by one message. The protocol library's own
 * loops (started by {@code JupyterConnection.connect()}) die on the first frame they cannot parse or
 * whose HMAC signature is wrong, and then no request is ever answered again; this class binds the same
 * sockets but runs its own loops instead:
 * <ul>
 *   <li>shell and control: read one whole multipart message (never more), verify and decode it with
 *       {@link WireCodec}; a bad message is logged to the kernel's log and dropped; a handler that throws
 *       (even an {@link Error}) is logged, answered with an error reply if it had not replied, and the
 *       loop goes on;</li>
 *   <li>heartbeat: a ROUTER socket in its own context (as in ipykernel) that echoes every message;</li>
 *   <li>stdin: input replies are read the same robust way, skipping anything that is not the reply;</li>
 *   <li>IOPub: no high-water mark, so a burst of output is queued, never silently dropped.</li>
 * </ul>
 * The handlers themselves are the protocol library's ({@code BaseKernel.becomeHandlerForConnection}).
 */
final class GenflowConnection extends JupyterConnection {
    private static final int POLL_MS = 100;
    private static final long MAX_MESSAGE_BYTES = 256L << 20;

    private final KernelConnectionProperties props;
    private final WireCodec codec;
    private final List<Thread> loops = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ZMQ.Context heartbeatContext;
    private ZMQ.Socket heartbeatSocket;
    private volatile boolean running;

    GenflowConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        this.codec = new WireCodec(props.createHMACGenerator());
    }

    private String address(int port) {
        return props.getTransport() + "://" + props.getIp() + (props.getTransport().equals("ipc") ? "-" : ":") + port;
    }

    /** Binds every socket, announces "starting" on IOPub and starts the loops. */
    @Override
    public synchronized void connect() {
        if (running) return;
        for (ZMQ.Socket s : List.<ZMQ.Socket>of(shell, control, stdin)) {
            s.setMaxMsgSize(MAX_MESSAGE_BYTES);
            s.setLinger(1000);
        }
        iopub.setSndHWM(0);   // 0 = no limit: output is queued rather than dropped when a client reads slowly
        iopub.setLinger(1000);
        bind(shell, props.getShellPort());
        bind(control, props.getControlPort());
        bind(stdin, props.getStdinPort());
        bind(iopub, props.getIopubPort());
        heartbeatContext = ZMQ.context(1);
        heartbeatSocket = heartbeatContext.socket(SocketType.ROUTER);
        heartbeatSocket.setMaxMsgSize(1 << 20);
        heartbeatSocket.setLinger(0);
        heartbeatSocket.setReceiveTimeOut(POLL_MS);
        if (!heartbeatSocket.bind(address(props.getHbPort()))) throw new IllegalStateException("cannot bind heartbeat port " + props.getHbPort());
        running = true;
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        start("genflow-heartbeat", this::heartbeatLoop);
        start("genflow-shell", () -> requestLoop(shell, "shell"));
        start("genflow-control", () -> requestLoop(control, "control"));
    }

    private void bind(JupyterSocket socket, int port) {
        socket.setReceiveTimeOut(POLL_MS);
        if (!socket.bind(address(port))) throw new IllegalStateException("cannot bind port " + port);
    }

    private void start(String name, Runnable loop) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    loop.run();
                } catch (Throwable e) {   // the loop bodies catch everything; this is the last line of defence
                    KernelLog.warn(name + " loop: " + e + " (continuing)");
                }
            }
        }, name);
        t.setDaemon(true);
        loops.add(t);
        t.start();
    }

    /** Reads the frames of one multipart message, or returns null after the poll interval. */
    private static List<byte[]> readFrames(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            byte[] next = socket.recv(0);
            if (next == null) break;
            frames.add(next);
        }
        return frames;
    }

    private void heartbeatLoop() {
        while (running) {
            List<byte[]> frames = readFrames(heartbeatSocket);
            if (frames == null) continue;
            for (int i = 0; i < frames.size(); i++) {
                if (!heartbeatSocket.send(frames.get(i), i + 1 < frames.size() ? ZMQ.SNDMORE : 0)) break;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void requestLoop(ShellChannel socket, String channel) {
        while (running) {
            List<byte[]> frames;
            synchronized (socket) {   // JupyterSocket.sendMessage locks the socket too: one thread at a time
                frames = readFrames(socket);
            }
            if (frames == null) continue;
            Message<?> message;
            try {
                message = codec.decode(frames);
            } catch (WireCodec.BadMessage e) {
                KernelLog.warn("dropped a message on the " + channel + " channel: " + e.getMessage());
                continue;
            }
            MessageType<?> type = message.getHeader().getType();
            ShellHandler handler = getHandler(type);
            if (handler == null) {
                KernelLog.warn("ignored a message of unknown type on the " + channel + " channel: "
                        + (type == MessageType.UNKNOWN ? "(unknown)" : type.getName()));
                continue;
            }
            GenflowReplyEnvironment env = (GenflowReplyEnvironment) prepareReplyEnv(socket, message);
            try {
                handler.handle(env, message);
            } catch (Throwable e) {
                KernelLog.warn("handling " + type.getName() + " failed: " + e);
                if (!env.hasReplied() && type.getName().endsWith("_request")) replyError(env, type, e);
            } finally {
                try {
                    env.resolveDeferrals();
                } catch (Throwable e) {
                    KernelLog.warn("after " + type.getName() + ": " + e);
                }
            }
            if (env.isMarkedForShutdown()) close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyError(GenflowReplyEnvironment env, MessageType<?> requestType, Throwable e) {
        MessageType replyType = MessageType.getType(requestType.getName().replace("_request", "_reply"));
        if (replyType == MessageType.UNKNOWN) return;
        try {
            env.replyError(replyType.error(), new ErrorReply(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(e.toString())));
        } catch (Throwable again) {
            KernelLog.warn("could not send the error reply: " + again);
        }
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new GenflowReplyEnvironment(shell, stdin, iopub, context, this);
    }

    /**
     * Asks the front end for a line of input (the protocol library's stdin reader would read whatever
     * arrives next and fail on anything else). Interruptible: an interrupt of the asking thread ends the wait.
     */
    String readInput(MessageContext context, String prompt, boolean password) {
        stdin.sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
        while (running) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("interrupted while waiting for input");
            }
            List<byte[]> frames;
            synchronized (stdin) {
                frames = readFrames(stdin);
            }
            if (frames == null) continue;
            try {
                Message<?> m = codec.decode(frames);
                if (m.getContent() instanceof InputReply reply) return reply.getValue() + System.lineSeparator();
                KernelLog.warn("ignored a " + m.getHeader().getType().getName() + " message on the stdin channel");
            } catch (WireCodec.BadMessage e) {
                KernelLog.warn("dropped a message on the stdin channel: " + e.getMessage());
            }
        }
        throw new IllegalStateException("the kernel is shutting down");
    }

    /** Stops the loops (they finish within the poll interval); the sockets are closed by {@link #waitUntilClose()}'s caller. */
    @Override
    public void close() {
        running = false;
        closed.countDown();
    }

    /** Waits until a shutdown request (or {@link #close()}), then closes the sockets after the loops have stopped. */
    @Override
    public void waitUntilClose() {
        try {
            closed.await();
            for (Thread t : loops) {
                if (t != Thread.currentThread()) t.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            super.close();
            if (heartbeatSocket != null) heartbeatSocket.close();
            if (heartbeatContext != null) heartbeatContext.close();
        } catch (Throwable e) {
            KernelLog.warn("closing sockets: " + e);
        }
    }

    boolean isRunning() {
        return running;
    }
}
