#pragma once

#include <QSyntaxHighlighter>

namespace SockPlay {

/// Sets comments and string literals apart in the generated programs
/// (Python, Go, C++): comments in italics, strings in a colour, both with
/// a text contrast of at least 4.5:1 against the view's background. A small
/// scanner, not a parser: it knows #, //, "..." and '...' with backslash
/// escapes, which is all the generated programs use.
class CodeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeHighlighter)
public:
    explicit CodeHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace SockPlay
