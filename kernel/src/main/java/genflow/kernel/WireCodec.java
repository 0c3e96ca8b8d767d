package genflow.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes one Jupyter wire message (all frames of one ZeroMQ multipart message) into the protocol
 * library's {@link Message}, with the same JSON mapping the library uses. Unlike the library's
 * reader it never reads past the end of the multipart message it was given, so a malformed message
 * cannot swallow the next one, and every problem is reported as a {@link BadMessage} (the caller
 * logs it and drops the message).
 */
final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private static final Gson REPLY_GSON = new GsonBuilder()
            .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
            .create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();

    /** Why a message was dropped. */
    static final class BadMessage extends Exception {
        BadMessage(String why) {
            super(why);
        }
    }

    private final HMACGenerator hmac;

    WireCodec(HMACGenerator hmac) {
        this.hmac = hmac;
    }

    /** Decodes the frames of one multipart message: identities, delimiter, signature, header, parent, metadata, content, buffers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Message<?> decode(List<byte[]> frames) throws BadMessage {
        int d = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                d = i;
                break;
            }
        }
        if (d < 0) throw new BadMessage("no <IDS|MSG> delimiter in " + frames.size() + " frame(s)");
        if (frames.size() < d + 6) throw new BadMessage("only " + (frames.size() - d - 1) + " frame(s) after the delimiter, 5 needed");
        List<byte[]> identities = new ArrayList<>(frames.subList(0, d));
        byte[] signature = frames.get(d + 1);
        byte[] headerRaw = frames.get(d + 2), parentRaw = frames.get(d + 3), metadataRaw = frames.get(d + 4), contentRaw = frames.get(d + 5);
        List<byte[]> buffers = new ArrayList<>(frames.subList(d + 6, frames.size()));

        String expected = hmac.calculateSignature(headerRaw, parentRaw, metadataRaw, contentRaw);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new BadMessage("invalid HMAC signature");
        }
        try {
            Header<?> header = GSON.fromJson(utf8(headerRaw), Header.class);
            if (header == null || header.getType() == null || header.getId() == null) throw new BadMessage("header without msg_id or msg_type");
            Header<?> parent = null;
            JsonElement parentJson = JsonParser.parseString(utf8(parentRaw));
            if (parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()) parent = GSON.fromJson(parentJson, Header.class);
            Map<String, Object> metadata = GSON.fromJson(utf8(metadataRaw), MAP);
            Object content = GSON.fromJson(utf8(contentRaw), header.getType().getContentType());
            if (content == null) throw new BadMessage("no content");
            return new Message(identities, header, parent, metadata, content, buffers);
        } catch (BadMessage e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadMessage("unreadable JSON: " + e);
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
