package genflow.kernel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Redirects {@code System.exit(int)} in a cell's class file to {@link CellExit#exit(int)}. Cell code
 * runs in the kernel's JVM, where {@code System.exit} would end the kernel and lose every variable;
 * the security manager that could veto it is gone from new JDKs. The rewrite is done on the constant
 * pool only: every {@code Methodref java/lang/System.exit:(I)V} gets a new class entry
 * {@code genflow/kernel/CellExit} (appended to the pool), so the bytecode, its stack maps and all
 * other indices stay as they are. Class files without such a reference are returned unchanged.
 * ({@code Runtime.getRuntime().exit/halt} are not redirected.)
 */
final class ExitRedirect {
    private static final String SYSTEM = "java/lang/System";
    private static final String TARGET = "genflow/kernel/CellExit";

    private ExitRedirect() {}

    static byte[] rewrite(byte[] classFile) {
        try {
            byte[] b = rewriteOrNull(classFile);
            return b != null ? b : classFile;
        } catch (RuntimeException e) {
            KernelLog.warn("System.exit redirect skipped for a class: " + e);
            return classFile;
        }
    }

    private static byte[] rewriteOrNull(byte[] cf) {
        ByteBuffer in = ByteBuffer.wrap(cf);
        if (in.getInt() != 0xCAFEBABE) return null;
        in.getShort();
        in.getShort();
        int count = in.getShort() & 0xFFFF;
        int[] offset = new int[count];        // position of each entry's tag byte
        int[] tag = new int[count];
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            offset[i] = in.position();
            tag[i] = in.get() & 0xFF;
            switch (tag[i]) {
                case 1 -> {
                    int n = in.getShort() & 0xFFFF;
                    byte[] b = new byte[n];
                    in.get(b);
                    utf8[i] = new String(b, StandardCharsets.UTF_8);   // modified UTF-8; fine for the names compared here
                }
                case 3, 4 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
                case 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
                case 15 -> in.position(in.position() + 3);
                default -> throw new IllegalStateException("unknown constant pool tag " + tag[i]);
            }
        }
        int poolEnd = in.position();
        boolean any = false;
        int[] patch = new int[count];
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) continue;
            ByteBuffer e = ByteBuffer.wrap(cf, offset[i] + 1, 4);
            int classIdx = e.getShort() & 0xFFFF, natIdx = e.getShort() & 0xFFFF;
            if (tag[classIdx] != 7 || tag[natIdx] != 12) continue;
            int nameIdx = ByteBuffer.wrap(cf, offset[classIdx] + 1, 2).getShort() & 0xFFFF;
            ByteBuffer nat = ByteBuffer.wrap(cf, offset[natIdx] + 1, 4);
            int mName = nat.getShort() & 0xFFFF, mDesc = nat.getShort() & 0xFFFF;
            if (SYSTEM.equals(utf8[nameIdx]) && "exit".equals(utf8[mName]) && "(I)V".equals(utf8[mDesc])) {
                patch[i] = 1;
                any = true;
            }
        }
        if (!any) return null;
        if (count + 2 > 0xFFFF) return null;
        int targetUtf8 = count, targetClass = count + 1;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(cf.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(cf, 0, 8);
            out.writeShort(count + 2);
            byte[] pool = java.util.Arrays.copyOfRange(cf, 10, poolEnd);
            for (int i = 1; i < count; i++) {
                if (patch[i] == 1) {
                    int p = offset[i] + 1 - 10;
                    pool[p] = (byte) (targetClass >> 8);
                    pool[p + 1] = (byte) targetClass;
                }
            }
            out.write(pool);
            out.writeByte(1);
            out.writeUTF(TARGET);
            out.writeByte(7);
            out.writeShort(targetUtf8);
            out.write(cf, poolEnd, cf.length - poolEnd);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
