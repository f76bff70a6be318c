package dev.trackplan.diag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The README's rule table ("| TP131 | property name not ... |") read with CommonMark: rule id to
 * the explanation users read, as plain text and as Markdown.
 */
final class ReadmeRuleTable {
    private static final Pattern RULE_ID = Pattern.compile("TP[0-9]{3}");

    record Row(String plain, String markdown) {}

    private ReadmeRuleTable() {}

    static Map<String, Row> read(String readme) {
        Map<String, Row> rows = new TreeMap<>();
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        parser.parse(readme).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
                        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                            if (row instanceof TableRow) {
                                add(row);
                            }
                        }
                    }
                } else {
                    visitChildren(block);
                }
            }

            private void add(Node row) {
                Node first = row.getFirstChild();
                Node second = first == null ? null : first.getNext();
                if (first instanceof TableCell && second instanceof TableCell) {
                    String id = text(first, false).trim();
                    if (RULE_ID.matcher(id).matches()) {
                        rows.putIfAbsent(id, new Row(text(second, false).trim(), text(second, true).trim()));
                    }
                }
            }
        });
        return rows;
    }

    /** A cell's inline content: text and code spans, code spans in backticks when {@code markdown}. */
    private static String text(Node cell, boolean markdown) {
        StringBuilder sb = new StringBuilder();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(markdown ? "`" + code.getLiteral() + "`" : code.getLiteral());
            }
        });
        return sb.toString();
    }
}
