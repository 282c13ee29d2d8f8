package com.sladesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** An XHTML page rendered as a PDF (the SLO report, the customers' statements, postmortems). */
public final class PdfDocument {

    private PdfDocument() {
    }

    public static byte[] render(String html, String what) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(XmlText.clean(html), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException("could not render the " + what + " PDF", e);
        }
    }
}
