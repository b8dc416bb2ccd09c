package gr.solidarity.ledger.ui.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gr.solidarity.ledger.ui.shell.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PDF documents made from HTML templates (openhtmltopdf on PDFBox): the template is rendered to XHTML by Thymeleaf
 * with the page's language, then laid out as PDF. Both are blocking work, so they run on the bounded-elastic
 * scheduler, never on the event loop. DejaVu Sans, shipped with its licence under {@code fonts/dejavu}, is embedded
 * (subset) as the only font the templates name: the PDF base fonts have no Greek, and a glyph missing from them would
 * print as '#'.
 */
@Component
public class PdfDocuments {

    /** The family the templates' style names; no other is registered, so nothing falls back to a base font. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private final ISpringWebFluxTemplateEngine templates;
    private final String directorate;
    private final byte[] regular;
    private final byte[] bold;

    public PdfDocuments(ISpringWebFluxTemplateEngine templates,
                        @Value("${ledger.directorate.name:Διεύθυνση Κοινωνικής Μέριμνας}") String directorate) {
        this.templates = templates;
        this.directorate = directorate;
        this.regular = font("fonts/dejavu/DejaVuSans.ttf");
        this.bold = font("fonts/dejavu/DejaVuSans-Bold.ttf");
    }

    /** The directorate that issues the documents, as configured ({@code ledger.directorate.name}). */
    public String directorate() {
        return directorate;
    }

    /** The document as a download, off the event loop. */
    public Mono<ResponseEntity<byte[]>> download(String template, Map<String, Object> variables, Locale locale,
                                                 String fileName) {
        return Mono.fromCallable(() -> pdf(html(template, variables, locale)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8).build().toString())
                        .body(pdf));
    }

    /** The template rendered to XHTML with the given variables, the formats and the directorate's name. */
    public String html(String template, Map<String, Object> variables, Locale locale) {
        Map<String, Object> all = new HashMap<>(variables);
        all.putIfAbsent("fmt", new Formats(locale));
        all.putIfAbsent("directorate", directorate);
        return templates.process(template, new Context(locale, all));
    }

    /** XHTML laid out as PDF, with DejaVu Sans embedded. */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + path + " is missing from the application", e);
        }
    }
}
