#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QAction;
class QTabWidget;
class QWidget;

namespace SockPlay {

class FocusRing;
class MainWindow;

/// Presenter mode (View ▸ Presenter mode, F5): the window as a projector in
/// a classroom needs it. While on:
/// - large type: the window's zoom is raised to presenterZoom() (body text
///   of at least 20 px); off, the user's zoom comes back;
/// - high contrast: presenterPalette(), in which every text colour has at
///   least 4.5:1 against each background it is drawn on (WCAG AA);
/// - a thick focus ring (FocusRing);
/// - the teaching views (setTeachingViews) shown and raised, and every
///   widget marked advanced (markAdvanced) hidden. Off, each comes back as it was.
///
/// Outside presenter mode too, the window's placeholder and disabled text are
/// made readable (Fusion draws them at 1.6–3:1): readablePalette().
///
/// The window remembers the mode between runs (QSettings "view/presenter").
class PresenterMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenterMode)
public:
    /// Attaches to window (and is its child); makes its palette readable.
    explicit PresenterMode(MainWindow *window);
    ~PresenterMode() override;

    bool isOn() const { return m_on; }
    void setOn(bool on);
    /// "Presenter mode", checkable, F5 wherever the focus is: for the View menu.
    QAction *action() const { return m_action; }

    /// The zoom the user chose: the window's while off; while on, the one
    /// that comes back when presenter mode ends (and that the settings keep).
    int userZoom() const;
    /// The zoom presenter mode raises the window to: body text of at least
    /// MinimumBodyPixels, and never less than DefaultZoom.
    int presenterZoom() const;
    static constexpr int MinimumBodyPixels = 20;
    static constexpr int DefaultZoom = 150;

    /// Marks a control as advanced: presenter mode hides it (a page of a
    /// QTabWidget: its tab) and restores it after. Any widget, at any time,
    /// before or after the mode turns on: only a dynamic property is set.
    static void markAdvanced(QWidget *widget);
    static bool isAdvanced(const QWidget *widget);

    /// The views a class watches (the lifecycle and sequence docks): shown
    /// and raised when presenter mode turns on, put back as they were when off.
    void setTeachingViews(const QList<QWidget *> &views);

    FocusRing *focusRing() const;

    /// Black on white, a dark blue selection, every text role ≥ 4.5:1.
    static QPalette presenterPalette();
    /// palette with its placeholder and disabled text made ≥ 4.5:1 against
    /// the backgrounds they are drawn on (their hue kept).
    static QPalette readablePalette(QPalette palette);
    /// The focus ring's colour: ≥ 3:1 against the presenter palette's Window and Base.
    static QColor focusRingColor();

signals:
    void toggled(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Hidden
    {
        bool wasHidden = false;       ///< the widget (or its tab) was hidden before
        QPointer<QTabWidget> tabs;    ///< set when the widget is a tab's page
    };

    void applyPalette(const QPalette &palette);
    void hideAdvanced(QWidget *widget);
    void restoreAdvanced();
    void showTeachingViews();
    void restoreTeachingViews();
    bool belongsToWindow(const QWidget *widget) const;

    MainWindow *m_window = nullptr;
    QAction *m_action = nullptr;
    QPointer<FocusRing> m_focusRing; // it may live in a floating dock for a while
    QPalette m_normalPalette;
    bool m_on = false;
    bool m_hiding = false; // our own hide()/show(): not the application's wish
    int m_userZoom = 100;
    QHash<QWidget *, Hidden> m_hidden;
    QHash<QTabWidget *, QPointer<QWidget>> m_currentPages; // each tab widget's page before
    QList<QPointer<QWidget>> m_teachingViews;
    QHash<QWidget *, bool> m_teachingWasHidden;
};

} // namespace SockPlay
