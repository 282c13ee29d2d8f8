package com.sladesk.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.sladesk.system.XmlText;

/** An XHTML page rendered as a PDF (the SLO report, the customers' statements). */
final class PdfDocument {

    private PdfDocument() {
    }

    static byte[] render(String html, String what) {
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
