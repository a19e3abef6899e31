#pragma once

#include <QColor>
#include <QList>
#include <QPointer>
#include <QWidget>

namespace SockPlay {

/// A thick ring around the widget that has the keyboard focus, for a room
/// that watches a projector: Fusion's one-pixel focus frame is invisible
/// from the back row.
///
/// An overlay, not a style: a transparent child of the focused widget's
/// window (the main window or one of its floating docks), raised above
/// everything, transparent to the mouse, as large as the ring. It follows
/// QApplication::focusChanged and the focused widget's moves (layouts,
/// scrolling, zoom), and inside a scroll area it is clipped to what the
/// viewport shows. Its width grows with the window's text size.
class FocusRing final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRing)
public:
    /// Serves home and its floating docks; hidden until setActive(true).
    explicit FocusRing(QWidget *home);
    ~FocusRing() override;

    void setActive(bool active);
    bool isActive() const { return m_active; }

    /// The ring's colour (it should have 3:1 against the window's background).
    void setColor(const QColor &color);
    QColor color() const { return m_color; }

    /// The width of the ring in pixels: 3 at the default text size (15 px), more as the text grows.
    int thickness() const;
    /// The widget the ring surrounds: the focused one, nullptr when none or inactive.
    QWidget *target() const { return m_active ? m_target.data() : nullptr; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(QWidget *focused);
    void place();
    bool serves(const QWidget *widget) const;
    void unwatch();

    QPointer<QWidget> m_home;
    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_watched; // the target and its parents: their moves move the ring
    QRect m_ring;                       // the ring's outer edge, in this widget's coordinates
    QColor m_color = QColor(0xb4, 0x3c, 0x00);
    bool m_active = false;
};

} // namespace SockPlay
