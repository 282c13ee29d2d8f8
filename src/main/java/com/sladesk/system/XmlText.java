package com.sladesk.system;

/**
 * Stored text as XML 1.0 can carry it (the Atom feed, the report's XHTML for the PDF): a character
 * XML forbids, such as a control character a user pasted, becomes U+FFFD instead of failing the
 * whole document.
 */
public final class XmlText {

    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null || text.codePoints().allMatch(XmlText::allowed)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return clean.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
