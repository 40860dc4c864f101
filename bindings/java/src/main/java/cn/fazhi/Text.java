package cn.fazhi;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.reflect.TypeToken;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Java text to and from the library's UTF-8. A String that UTF-8 cannot carry
 * exactly (a lone surrogate) or that C would cut short (a NUL character) is an
 * {@link InvalidArgumentException}, never replaced or truncated silently.
 */
final class Text {
  private Text() {}

  /** The UTF-8 bytes of s, exactly. */
  static byte[] utf8(String s, String what) {
    if (s.indexOf('\0') >= 0) {
      throw new InvalidArgumentException(what + " 含有 NUL 字符（C 字符串在此截断）");
    }
    try {
      ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(s));
      return Arrays.copyOfRange(b.array(), b.position(), b.limit());
    } catch (CharacterCodingException e) {
      throw new InvalidArgumentException(what + " 不是有效的 Unicode 文本（含有孤立的代理字符）");
    }
  }

  /** s as a NUL-terminated UTF-8 argument; null stays null (C's NULL). */
  static byte[] arg(String s, String what) {
    if (s == null) return null;
    byte[] b = utf8(s, what);
    return Arrays.copyOf(b, b.length + 1);
  }

  /** A date as the C text "YYYY-MM-DD". */
  static byte[] arg(LocalDate date, String what) {
    return date == null ? null : arg(date.toString(), what);
  }

  /** s as NUL-terminated UTF-8 in native memory, for a struct's char* field; null and "" stay as given. */
  static Memory memory(String s, String what) {
    if (s == null) return null;
    byte[] b = arg(s, what);
    Memory m = new Memory(b.length);
    m.write(0, b, 0, b.length);
    return m;
  }

  /** A {@code const char* const*} list of UTF-8 strings; it keeps its strings alive. */
  static final class CArray extends Memory {
    private final Memory[] items;

    private CArray(Memory[] items) {
      super((long) Native.POINTER_SIZE * Math.max(1, items.length));
      this.items = items;
      for (int i = 0; i < items.length; i++) setPointer((long) Native.POINTER_SIZE * i, items[i]);
    }

    static CArray of(List<String> values, String what) {
      Memory[] items = new Memory[values.size()];
      for (int i = 0; i < items.length; i++) {
        String v = values.get(i);
        if (v == null) throw new NullPointerException(what + "[" + i + "] is null");
        items[i] = memory(v, what + "[" + i + "]");
      }
      return new CArray(items);
    }

    int count() {
      return items.length;
    }
  }

  /** A borrowed UTF-8 string of the library ("" for NULL). */
  static String borrowed(Pointer p) {
    return p == null ? "" : p.getString(0, "UTF-8");
  }

  /** The char[11] "YYYY-MM-DD" the library wrote, as a date. */
  static LocalDate date(byte[] buffer) {
    return LocalDate.parse(new String(buffer, 0, 10, StandardCharsets.US_ASCII));
  }

  /** A call that makes an owned string: (char** out, size_t* len) -> fz_status. */
  interface StringCall {
    int call(PointerByReference out, Pointer len);
  }

  /** Makes the call, copies the owned string it returns into Java and releases it with fz_free. */
  static String take(StringCall call) {
    return new String(takeBytes(call), StandardCharsets.UTF_8);
  }

  /** {@link #take}, the string's UTF-8 bytes as the library wrote them. */
  static byte[] takeBytes(StringCall call) {
    PointerByReference out = new PointerByReference();
    Memory len = new Memory(Native.SIZE_T_SIZE);
    len.clear();
    Capi.check(call.call(out, len));
    Pointer p = out.getValue();
    if (p == null) return new byte[0];
    try {
      long n = Native.SIZE_T_SIZE == 8 ? len.getLong(0) : len.getInt(0) & 0xffffffffL;
      return p.getByteArray(0, Math.toIntExact(n));
    } finally {
      Capi.fz_free(p);
    }
  }

  // ---- The library's JSON, read with Gson ----

  /**
   * Gson reading a number of unknown type from its text: an integer as a
   * BigInteger, any other number as a BigDecimal, never through a double.
   */
  private static final Gson EXACT_GSON = new GsonBuilder()
      .setObjectToNumberStrategy(in -> {
        String n = in.nextString();
        boolean integer = n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0;
        return integer ? new BigInteger(n) : new BigDecimal(n);
      })
      .create();

  /**
   * A JSON object of the library's as a new map in the library's key order:
   * strings, BigInteger, BigDecimal, Boolean, null, lists and maps.
   */
  static Map<String, Object> fields(String json) {
    return EXACT_GSON.fromJson(json, new TypeToken<Map<String, Object>>() {}.getType());
  }

  /** A JSON array of strings, as an unmodifiable list. */
  static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>(array.size());
    for (JsonElement e : array) list.add(e.getAsString());
    return List.copyOf(list);
  }
}
