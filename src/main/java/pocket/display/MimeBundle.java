package pocket.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a value looks like to a notebook: one text per MIME type (text/plain always, plus
 * image/png as base64, text/html, ...); front ends pick the richest they can show.
 */
public final class MimeBundle {
    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(data);
    }

    public static MimeBundle text(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/plain", text);
        return new MimeBundle(m);
    }

    /** A copy with one more representation. */
    public MimeBundle with(String mimeType, String content) {
        Map<String, String> m = new LinkedHashMap<>(data);
        m.put(mimeType, content);
        return new MimeBundle(m);
    }

    public MimeBundle withHtml(String html) { return with("text/html", html); }

    public MimeBundle withPng(byte[] png) { return with("image/png", Base64.getEncoder().encodeToString(png)); }

    public Map<String, String> data() { return data; }

    public String get(String mimeType) { return data.get(mimeType); }

    public String plainText() { return data.getOrDefault("text/plain", ""); }

    @Override public String toString() { return plainText(); }
}
