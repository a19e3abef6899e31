#pragma once

#include <QLabel>

namespace SockPlay {

/// A word-wrapped QLabel that remembers its height for the last few widths.
/// QLabel lays its text out again (a QTextDocument for rich text) on every
/// heightForWidth call, and a layout asks again each time anything in the
/// window invalidates it: while the window is built, a pane's labels were laid
/// out hundreds of times for the same width (the windowbench profile). The
/// memory is keyed by width and forgotten when the text, the font or the
/// style changes, so the answer is QLabel's own.
class WrappedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappedLabel(QWidget *parent = nullptr);
    explicit WrappedLabel(const QString &text, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Remembered
    {
        int width = -1;
        int height = 0;
    };
    static constexpr int kRemembered = 4;
    mutable Remembered m_remembered[kRemembered];
    mutable int m_next = 0;
    /// What the heights are for: the text, margin and indent (their setters
    /// are not virtual and send no event, so they are compared on use).
    mutable QString m_textOfHeights;
    mutable int m_marginOfHeights = 0;
    mutable int m_indentOfHeights = -1;
};

} // namespace SockPlay
