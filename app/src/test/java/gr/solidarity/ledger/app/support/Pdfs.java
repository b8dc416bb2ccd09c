package gr.solidarity.ledger.app.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/** What a PDF document says and which fonts it draws with, read with PDFBox. */
public final class Pdfs {

    private Pdfs() {
    }

    /** The document's text; a line broken after a hyphen (a long id in a narrow cell) is joined again. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("-[ \\t]*\\R", "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fonts every page uses, each as "name embedded|not-embedded", the subset prefix (ABCDEF+) taken off: a
     * document that draws only with the embedded DejaVu Sans has no glyph from a base font without Greek.
     */
    public static Set<String> fonts(byte[] pdf) {
        Set<String> fonts = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", "")
                            + (font.isEmbedded() ? " embedded" : " not-embedded"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /**
     * Keeps the document beside the browser tests' screenshots, with a picture of its first page, for people to look
     * at: {@code ui/target/screenshots/<name>.pdf} and {@code <name>.png}.
     */
    public static void keep(byte[] pdf, String name) {
        Path screenshots = Path.of("..", "ui", "target", "screenshots").toAbsolutePath().normalize();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".pdf"), pdf);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", screenshots.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
