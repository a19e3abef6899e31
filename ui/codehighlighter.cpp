#include "codehighlighter.h"

#include "contrast.h"

#include <QGuiApplication>
#include <QPalette>

namespace SockPlay {

CodeHighlighter::CodeHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = QGuiApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    QTextCharFormat comment;
    comment.setFontItalic(true);
    comment.setForeground(withContrast(QColor(0x60, 0x60, 0x60), {base}, 4.5));
    QTextCharFormat string;
    string.setForeground(withContrast(QColor(0x0a, 0x6e, 0x1e), {base}, 4.5));

    // Comments start at # (Python, CMake) or // (Go, C++) outside a string.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#') || (c == QLatin1Char('/') && text.mid(i, 2) == QLatin1String("//"))) {
            // C++'s #include is no comment.
            if (c == QLatin1Char('#') && text.mid(i, 8) == QLatin1String("#include"))
                return;
            setFormat(int(i), int(text.size() - i), comment);
            return;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != c)
                end += text.at(end) == QLatin1Char('\\') ? 2 : 1;
            end = qMin(end + 1, text.size());
            setFormat(int(i), int(end - i), string);
            i = end - 1;
        }
    }
}

} // namespace SockPlay
