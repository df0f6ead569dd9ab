package org.dangjian.report.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/** Writes a draft as a Word document (Apache POI): centred title, bold headings, indented paragraphs. */
public final class DocxRenderer {

    public byte[] render(Draft draft) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(18);
            t.setFontFamily("方正小标宋简体");
            t.setText(draft.title());
            for (Draft.Block b : draft.blocks()) {
                XWPFParagraph para = doc.createParagraph();
                XWPFRun run = para.createRun();
                run.setFontSize(16);
                if (b.kind() == Draft.Kind.HEADING) {
                    run.setBold(true);
                    run.setFontFamily("黑体");
                } else {
                    para.setFirstLineIndent(640);
                    run.setFontFamily("仿宋_GB2312");
                }
                run.setText(b.text());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
